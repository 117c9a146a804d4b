//! Reads an article and finds its facts, for profilers (`valgrind
//! --tool=callgrind`, `perf record`) that want one plain process:
//! `cargo run --release -p factdrill-core --example extract -- FILE [ROUNDS]`.

use std::time::Instant;

use factdrill_core::Article;
use factdrill_core::facts::extract;

// The allocator the program itself uses (see crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: extract FILE [ROUNDS]");
    let rounds: usize = args.next().map_or(1, |r| r.parse().expect("ROUNDS"));
    let text = std::fs::read_to_string(&path).expect("a UTF-8 article");
    let clock = Instant::now();
    let mut entities = 0;
    for _ in 0..rounds {
        let article = Article::parse(&text).expect("an article");
        entities = extract(&article).entities.len();
    }
    let seconds = clock.elapsed().as_secs_f64();
    #[allow(clippy::cast_precision_loss)]
    let mb = (text.len() * rounds) as f64 / 1e6;
    eprintln!("{entities} entities; {:.1} MB/s", mb / seconds);
}
