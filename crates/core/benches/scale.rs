//! Scale: reading and finding the facts of 5, 25 and 50 MB articles, news
//! text mixed with what pasted articles carry (CRLF line ends, emoji,
//! right-to-left and other scripts, escape sequences, long lines without a
//! sentence end). Time per byte should stay flat as the size grows:
//! `cargo bench -p factdrill-core --bench scale`.

use divan::Bencher;
use divan::counter::BytesCount;
use factdrill_core::article::decode;
use factdrill_core::facts::extract;
use factdrill_core::{Article, questions};

// The allocator the program itself uses (see crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const MB: usize = 1024 * 1024;

const PARAGRAPHS: &[&str] = &[
    "Finance minister Maria {name} said on Tuesday night that Paris would spend $2.{d} bn over the past five years.\r\n",
    "Police said {d}0 excavators reached the U.S. border at 6.10am on April {day}, 2016 🙂 and 🇫🇷 fans cheered.\r\n",
    "مرحبا بالعالم في القاهرة يوم الثلاثاء، قال {name} لرويترز. Москва и 東京 ответили в среду.\r\n",
    "\u{1b}[31m{name}\u{1b}[0m told Reuters the deal, worth 3.{d}% of output, was signed last year in Cairo\r\n",
    "ALL CAPS HEADLINE ABOUT {name} AND THE UNITED NATIONS IN GENEVA ON {day} MAY\r\n",
    "a long line without any sentence end that goes on about {name} and Sydney and Toronto and \
     the council and the ministry and the people who were there on the day and what they said to \
     each other about the money and the weather and the match that was played in the rain ",
];

/// About `bytes` of generated text, deterministic.
fn article(bytes: usize) -> String {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(bytes + 1024);
    text.push_str("\u{feff}Scale test\r\n\r\nBy Test Writer\r\n\r\n");
    let mut i = 0usize;
    while text.len() < bytes {
        let name = format!("Surname{}", i % 997);
        let p = PARAGRAPHS[i % PARAGRAPHS.len()]
            .replace("{name}", &name)
            .replace("{d}", &(i % 10).to_string())
            .replace("{day}", &(1 + i % 28).to_string());
        let _ = write!(text, "{p}");
        if i.is_multiple_of(3) {
            text.push_str("\r\n");
        }
        i += 1;
    }
    text
}

/// Decode the bytes as a file is read, parse, find the facts.
#[divan::bench(args = [5, 25, 50], sample_count = 3, sample_size = 1)]
fn read_and_find_facts(bencher: Bencher, mb: usize) {
    let text = article(mb * MB);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let text = decode(text.as_bytes(), u64::MAX).unwrap();
        let article = Article::parse(text).unwrap();
        extract(&article).entities.len()
    });
}

/// The questions of the same articles, facts found beforehand (slower:
/// two sizes suffice to see the growth).
#[divan::bench(args = [5, 25], sample_count = 1, sample_size = 1)]
fn generate_questions(bencher: Bencher, mb: usize) {
    let text = article(mb * MB);
    let article = Article::parse(&text).unwrap();
    let facts = extract(&article);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| questions::generate(&article, &facts, 1).len());
}
