//! Property tests: arbitrary Unicode, arbitrary bytes and article-like
//! text made of risky pieces go through read → facts → questions → answer
//! check and the deck format; the invariants are in `invariants/mod.rs`.

use proptest::prelude::*;

mod invariants;

/// Pieces that reach deep into the pipeline: names, places, demonyms,
/// roles, amounts, dates, sentence ends, quotes, line breaks, markup, and
/// the characters that have broken text tools before (combining marks,
/// ligatures that change length under NFKD, right-to-left text, bidi and
/// escape controls, emoji, a BOM, odd spaces).
const PIECES: &[&str] = &[
    "Paris",
    "France",
    "French",
    "Germany",
    "German",
    "Berlin",
    "Cairo",
    "Egyptian",
    "President",
    "president",
    "Minister",
    "prime minister",
    "John Smith",
    "Smith",
    "Ana Lopez",
    "Mr.",
    "Dr.",
    "Gen.",
    "U.S.",
    "UN",
    "the United Nations",
    "EU",
    "Reuters",
    "the Kremlin",
    "$2 bn",
    "€4m",
    "£1.5 million",
    "3.5%",
    "1,200 people",
    "40 km",
    "two",
    "dozens of",
    "Tuesday",
    "May 5, 2016",
    "5 May",
    "last year",
    "in April",
    "at 10:30",
    "2019",
    "this weekend",
    "said",
    "told",
    "met",
    "paid",
    "won",
    "was able to receive",
    "in",
    "on",
    "the",
    "and",
    "of",
    "from",
    "to",
    "by",
    "who",
    "with",
    ".",
    ". ",
    "?",
    "!",
    ",",
    ";",
    ":",
    "\"",
    "“",
    "”",
    "’s",
    "'s",
    "'",
    "(",
    ")",
    "…",
    "—",
    "–",
    "-",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "# ",
    "## ",
    "- ",
    "+++\n",
    "By ",
    "date = 2020-01-31\n",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "🙂",
    "🇫🇷",
    "👩‍👩‍👧",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "\u{1b}[31m",
    "\u{1b}]8;;http://x\u{7}",
    "\u{7}",
    "\u{0}",
    "\u{feff}",
    "مرحبا بالعالم",
    "القاهرة",
    "עברית",
    "Москва",
    "東京",
    "İstanbul",
    "ǅ",
    "e\u{301}",
    "ﬁ",
    "ß",
    "ẞ",
    "Σ",
    "ǰ",
    "\u{fdfd}",
    "ALL CAPS HEADLINE",
    "A.",
    "B.",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Article-like text: pieces separated by spaces (or not).
fn article() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), any::<bool>()), 0..160).prop_map(|parts| {
        let mut text = String::new();
        for (p, space) in parts {
            text.push_str(&p);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// A valid deck to break.
const DECK: &str = "format = 1\nid = \"d-000000000abc\"\ntitle = \"Storm\"\n\n[[question]]\n\
id = \"q-1\"\nkind = \"when\"\nstyle = \"choice\"\nprompt = \"When?\"\nanswer = \"Tuesday\"\n\
choices = [\"Monday\", \"Tuesday\"]\nsource = \"It hit on Tuesday.\"\n\n[[question]]\n\
prompt = \"The storm hit _____.\"\nstyle = \"cloze\"\nanswer = \"Sydney\"\n";

const TOML_PIECES: &[&str] = &[
    "[[question]]\n",
    "[question]\n",
    "prompt = ",
    "answer = ",
    "choices = [",
    "]",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "=",
    "\n",
    "#",
    "{",
    "}",
    ",",
    ".",
    "style = \"choice\"\n",
    "kind = \"who\"\n",
    "id = \"q-1\"\n",
    "format = 1\n",
    "format = 2\n",
    "\\u001B",
    "\\",
    "\u{1b}",
    "\u{202e}",
    "\r\n",
    "accept = []\n",
    "date = 2020-02-30\n",
    "sentence = 3\n",
    "1979-05-27T07:32:00Z",
];

fn toml_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(TOML_PIECES).prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_unicode_goes_through_the_pipeline(text in any::<String>(), seed in any::<u64>()) {
        invariants::article_text(&text, seed);
    }

    #[test]
    fn any_bytes_go_through_the_pipeline(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        invariants::article_bytes(&bytes);
    }

    #[test]
    fn article_like_text_goes_through_the_pipeline(text in article(), seed in 0u64..4) {
        invariants::article_text(&text, seed);
    }

    #[test]
    fn article_like_text_with_a_title_goes_through_the_pipeline(
        title in article(),
        body in article(),
    ) {
        let text = format!("{}\n\n{body}", title.replace('\n', " "));
        invariants::article_text(&text, 1);
    }

    #[test]
    fn any_text_as_a_deck_is_read_or_refused_in_one_line(text in any::<String>()) {
        invariants::deck_text(&text);
    }

    #[test]
    fn a_deck_with_pieces_put_in_is_read_or_refused_in_one_line(
        inserts in proptest::collection::vec((any::<prop::sample::Index>(), toml_piece()), 1..6),
    ) {
        let mut text = DECK.to_owned();
        for (at, piece) in inserts {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text.insert_str(i, &piece);
        }
        invariants::deck_text(&text);
    }

    #[test]
    fn any_answer_is_checked_without_panic(
        answer in article(),
        given in prop_oneof![article(), any::<String>()],
        choices in proptest::collection::vec(article(), 0..4),
        accept in proptest::collection::vec(any::<String>(), 0..3),
    ) {
        invariants::answer(&answer, &given, &choices, &accept);
    }
}
