//! Throughput of reading an article and finding its facts, on generated
//! news-like text of growing size (time should grow linearly).

use divan::Bencher;
use divan::counter::BytesCount;
use factdrill_core::Article;
use factdrill_core::facts::extract;

// The allocator the program itself uses (see crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const FIRST: &[&str] = &[
    "Maria", "John", "Aisha", "Kenji", "Olga", "Pedro", "Fatima", "Liam", "Chen", "Amara",
];
const SYLLABLES: &[&str] = &[
    "Ka", "Lo", "Mer", "Van", "Do", "Ri", "Su", "Tan", "Bel", "Or", "Ni", "Zo", "Pra", "Gu", "He",
];
const ENDINGS: &[&str] = &[
    "vic", "sen", "ova", "ez", "ani", "berg", "ski", "ton", "ridge", "wala",
];
const PLACES: &[&str] = &[
    "Paris", "Kenya", "Brazil", "Sydney", "Germany", "Toronto", "India", "Cairo",
];
const TITLES: &[&str] = &[
    "Finance minister",
    "Police chief",
    "Former president",
    "Opposition leader",
];

/// A surname from syllables: 2,250 distinct names, like a large news corpus.
fn surname(i: usize) -> String {
    let n = SYLLABLES.len();
    format!(
        "{}{}{}",
        SYLLABLES[i % n],
        SYLLABLES[(i / n) % n].to_lowercase(),
        ENDINGS[(i / (n * n)) % ENDINGS.len()]
    )
}

/// About `bytes` of generated news text: names, places, dates, amounts.
fn article(bytes: usize) -> String {
    use std::fmt::Write;
    let mut text = String::from("Generated wire copy\n\nBy Test Writer\n\n");
    let mut i = 0usize;
    while text.len() < bytes {
        let (first, last) = (FIRST[i % FIRST.len()], surname(i * 7));
        let place = PLACES[i % PLACES.len()];
        let title = TITLES[i % TITLES.len()];
        let _ = write!(
            text,
            "{title} {first} {last} said on Tuesday night that {place} would spend $2.{d} bn over the past five years. \
             Police said 60 excavators reached the U.S. border at 6.10am on April {day}, 20{yy}. \
             {last} told Reuters the deal, worth 3.5% of output, was signed last year in {place}.\n\n",
            d = i % 10,
            day = 1 + i % 28,
            yy = 10 + i % 15,
        );
        i += 1;
    }
    text
}

#[divan::bench(args = [1_000_000, 5_000_000, 10_000_000], sample_count = 5)]
fn facts(bencher: Bencher, bytes: usize) {
    let text = article(bytes);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let article = Article::parse(divan::black_box(&text)).unwrap();
        // The facts borrow the article: both are dropped in the timed code.
        extract(&article).entities.len()
    });
}

/// Our six test articles (sports, business, science, crime, politics, an
/// obituary: ordinary news, about half as dense in names and numbers as
/// [`article`]'s text), their bodies repeated to about `bytes`.
fn own_articles(bytes: usize) -> String {
    const ARTICLES: &[&str] = &[
        include_str!("../../../tests/articles/sports.txt"),
        include_str!("../../../tests/articles/business.md"),
        include_str!("../../../tests/articles/science.txt"),
        include_str!("../../../tests/articles/crime.txt"),
        include_str!("../../../tests/articles/politics.txt"),
        include_str!("../../../tests/articles/obituary.txt"),
    ];
    let mut bodies = String::new();
    for text in ARTICLES {
        let article = Article::parse(text).unwrap();
        for p in &article.paragraphs {
            bodies.push_str(&article.text()[p.start..p.end]);
            bodies.push_str("\n\n");
        }
    }
    let mut text = String::from("Our own articles\n\n");
    while text.len() < bytes {
        text.push_str(&bodies);
    }
    text
}

#[divan::bench(args = [5_000_000], sample_count = 5)]
fn facts_of_own_articles(bencher: Bencher, bytes: usize) {
    let text = own_articles(bytes);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let article = Article::parse(divan::black_box(&text)).unwrap();
        // The facts borrow the article: both are dropped in the timed code.
        extract(&article).entities.len()
    });
}

#[divan::bench(args = [100_000, 1_000_000], sample_count = 5)]
fn questions(bencher: Bencher, bytes: usize) {
    let text = article(bytes);
    let article = Article::parse(&text).unwrap();
    let facts = extract(&article);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| factdrill_core::questions::generate(divan::black_box(&article), &facts, 1));
}

/// The whole deck of the seed article: read, find facts, make questions.
#[divan::bench(sample_count = 50)]
fn seed_deck(bencher: Bencher) {
    let text = include_str!("../../../seeds/lukashenka-and-bakiyev.txt");
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let article = Article::parse(divan::black_box(text)).unwrap();
        let facts = extract(&article);
        factdrill_core::questions::generate(&article, &facts, 1)
    });
}

#[divan::bench(sample_count = 20)]
fn seed_article(bencher: Bencher) {
    let text = include_str!("../../../seeds/lukashenka-and-bakiyev.txt");
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let article = Article::parse(divan::black_box(text)).unwrap();
        extract(&article).entities.len()
    });
}
