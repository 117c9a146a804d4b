//! Odd text never panics the pipeline: read → facts → questions → check.

use factdrill_core::check::check;
use factdrill_core::{Article, facts, questions};

fn run(text: &str) {
    let Ok(article) = Article::parse(text) else {
        return;
    };
    let found = facts::extract(&article);
    for e in &found.entities {
        for m in &e.mentions {
            assert!(
                text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
                "{m:?}"
            );
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
    let qs = questions::generate(&article, &found, 3);
    for q in &qs {
        if q.style == factdrill_core::Style::Choice {
            assert!(q.choices.contains(&q.answer), "{q:?}");
        }
        let _ = check(q, &q.answer, &[]);
        let _ = check(q, "🙂", &[]);
    }
}

#[test]
fn odd_texts_never_panic() {
    let cases = [
        "",
        " ",
        "\u{feff}",
        "TITLE\n\nBODY WITHOUT PUNCTUATION AND ALL IN CAPITALS ABOUT PARIS AND $2 BN IN 2016",
        "no punctuation at all just words about paris france and the un in april",
        "🙂🙂🙂 Emoji 🇫🇷 in Paris 🙂. The U.S. paid $5 🙂 bn on Tuesday 🙂.",
        "\u{202e}Right-to-left override in Cairo\u{202c}. مرحبا بالعالم في القاهرة.",
        "Mixed עברית and English: Tel Aviv on Monday, 3 May 1931.",
        "\u{1b}[31mEscape\u{1b}[0m sequences in Berlin cost €4m.",
        "A. B. C. D. E. F. G.",
        "... ... ... ? ! ;;; ,,, ---",
        "$$$ %%% 12.5.6.7 1,2,3 00:99 31 February 2020 the the the",
        "He said she said they said it. This is that. Those were these.",
        "Mr. Dr. Gen. Sen. Jan. No. 5 U.S. U.K. e.g. i.e. etc.",
        "President President President Obama Obama Obama.",
        "'s ’s 's’s Russia’s’s U.S.'s.",
        "+++\ndate = 2020-02-30\n+++\nBody.",
        "+++\n+++\n",
        "# \n\n## \n\n- \n",
    ];
    for case in cases {
        run(case);
    }
    // A long line with no sentence end, and many short sentences.
    run(&"word Paris $3 bn Tuesday ".repeat(5000));
    run(&"Smith met Jones in Rome on May 5. ".repeat(2000));
}
