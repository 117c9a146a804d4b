//! Rules every generated question obeys, checked on the seed article and
//! on our own test articles.

use std::fs;
use std::path::{Path, PathBuf};

use factdrill_core::check::normalise;
use factdrill_core::questions::{self, BLANK};
use factdrill_core::{Article, Question, Style, facts};

fn articles() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = vec![root.join("seeds/lukashenka-and-bakiyev.txt")];
    let mut own: Vec<PathBuf> = fs::read_dir(root.join("tests/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".toml"))
        .collect();
    own.sort();
    paths.extend(own);
    paths
}

fn generate(path: &Path, seed: u64) -> (Article, Vec<Question>) {
    let text = fs::read_to_string(path).unwrap();
    let article = Article::parse(&text).unwrap();
    let facts = facts::extract(&article);
    let qs = questions::generate(&article, &facts, seed);
    (article, qs)
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    let n = normalise(needle);
    !n.is_empty() && format!(" {} ", normalise(haystack)).contains(&format!(" {n} "))
}

#[test]
fn every_question_obeys_the_rules() {
    for path in articles() {
        let (article, qs) = generate(&path, 1);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(qs.len() >= 10, "{name}: only {} questions", qs.len());
        let mut ids = std::collections::HashSet::new();
        for q in &qs {
            let at = format!("{name}: {:?} {:?} → {:?}", q.style, q.prompt, q.answer);
            assert!(ids.insert(q.id.clone()), "duplicate id {at}");
            assert!(
                q.prompt.starts_with(|c: char| c.is_uppercase()
                    || c.is_ascii_digit()
                    || c == '$'
                    || c == '€'
                    || c == '£')
                    || q.prompt.starts_with(BLANK)
                    || q.prompt.starts_with(['"', '“', '‘']),
                "capital first: {at}"
            );
            match q.style {
                Style::Wh => assert!(q.prompt.ends_with('?'), "{at}"),
                Style::Choice => {
                    assert!(q.prompt.ends_with('?'), "{at}");
                    assert_eq!(q.choices.len(), 4, "{at}");
                    assert!(q.choices.contains(&q.answer), "{at}");
                    let distinct: std::collections::HashSet<String> =
                        q.choices.iter().map(|c| normalise(c)).collect();
                    assert_eq!(distinct.len(), 4, "{at}");
                }
                Style::Cloze => assert!(q.prompt.contains(BLANK), "{at}"),
                Style::TrueFalse => {
                    assert!(q.answer == "True" || q.answer == "False", "{at}");
                    assert!(!q.prompt.ends_with('?'), "{at}");
                }
                Style::Flashcard => {}
            }
            if !matches!(q.style, Style::TrueFalse | Style::Flashcard) {
                assert!(
                    !contains_words(&q.prompt, &q.answer),
                    "answer in its prompt: {at}"
                );
            }
            // The answer is in its source (a role's country follows from
            // the demonym: "Belarusian president" → Belarus).
            if matches!(q.style, Style::Wh | Style::Cloze | Style::Choice)
                && !q.prompt.starts_with("Which country is")
                && !q.prompt.starts_with("Which country was")
            {
                let stated = std::iter::once(&q.answer)
                    .chain(&q.accept)
                    .any(|a| contains_words(&q.source, a));
                assert!(stated, "answer not in its source: {at} / {:?}", q.source);
            }
            // The source is the sentence (or the byline).
            match q.sentence {
                Some(i) => assert_eq!(q.source, article.sentence_text(i), "{at}"),
                None => assert!(q.source.starts_with("By "), "{at}"),
            }
            // Unresolved first- and second-person pronouns never appear.
            for w in q.prompt.split(|c: char| !c.is_alphanumeric()) {
                assert!(
                    !matches!(w, "I" | "we" | "We" | "you" | "You"),
                    "pronoun {w}: {at}"
                );
            }
            for pair in [
                "This is",
                "This was",
                "This will",
                "This has",
                "That is",
                "That was",
            ] {
                assert!(!q.prompt.starts_with(pair), "unresolved this/that: {at}");
            }
        }
    }
}

#[test]
fn generation_is_deterministic_for_a_seed() {
    let path = &articles()[0];
    let (_, a) = generate(path, 7);
    let (_, b) = generate(path, 7);
    assert_eq!(a, b);
    let (_, c) = generate(path, 8);
    let options = |qs: &[Question]| {
        qs.iter()
            .filter(|q| q.style == Style::Choice)
            .map(|q| q.choices.clone())
            .collect::<Vec<_>>()
    };
    assert_ne!(
        options(&a),
        options(&c),
        "another seed shuffles differently"
    );
}

#[test]
fn seed_article_has_the_questions_a_teacher_would_ask() {
    let (_, qs) = generate(&articles()[0], 1);
    let has = |style: Style, prompt: &str, answer: &str| {
        qs.iter()
            .any(|q| q.style == style && q.prompt == prompt && q.answer == answer)
    };
    assert!(
        has(
            Style::Wh,
            "How much was Bakiyev able to receive from Russia?",
            "$2 bn"
        ),
        "{:#?}",
        qs.iter()
            .filter(|q| q.style == Style::Wh)
            .map(|q| &q.prompt)
            .collect::<Vec<_>>()
    );
    assert!(has(Style::Wh, "Where did Bakiyev find refuge?", "Belarus"));
    assert!(has(Style::Wh, "Who wrote the article?", "Erica Marat"));
    assert!(has(
        Style::Wh,
        "Which country is Aleksandr Lukashenka president of?",
        "Belarus"
    ));
}

#[test]
fn named_events_are_not_people() {
    let text = "Spain opens Davis Cup campaign\n\nSpain opened its Davis Cup campaign in Madrid on Friday with a win over Chile. \
                Carla Ruiz, who won the Australian Open last year, said the Commonwealth Games and the Tour de France Series mattered less. \
                The Internet has made it easier to follow, Ruiz said, and she backed the Lisbon Plan. \
                The national director of Court Watch, Jo Reyes, agreed. Chile's Government has fallen.\n";
    let article = Article::parse(text).unwrap();
    let found = facts::extract(&article);
    for e in &found.entities {
        assert!(
            !(e.category == factdrill_core::Category::Person
                && ["Internet", "Court Watch", "Government"].contains(&e.canonical.as_str())),
            "{e:?}"
        );
        for event in [
            "Davis Cup",
            "Australian Open",
            "Commonwealth Games",
            "Lisbon Plan",
        ] {
            assert!(
                !(e.kind == factdrill_core::Kind::Who && e.canonical.contains(event)),
                "{event} taken for a who: {e:?}"
            );
        }
    }
    for q in questions::generate(&article, &found, 1) {
        if q.kind == factdrill_core::Kind::Who && q.style != Style::Flashcard {
            assert!(
                !q.answer.contains("Cup") && !q.answer.contains("Open"),
                "{q:?}"
            );
        }
    }
}

#[test]
fn name_particles_stay_inside_the_name() {
    let text = "Vega quits\n\nPresident Ana de la Vega resigned on Monday after weeks of protests. \
                Omar bin Haddad, a banker, welcomed the news.\n";
    let article = Article::parse(text).unwrap();
    let found = facts::extract(&article);
    let people: Vec<&str> = found
        .entities
        .iter()
        .filter(|e| e.category == factdrill_core::Category::Person)
        .map(|e| e.canonical.as_str())
        .collect();
    assert!(people.contains(&"Ana de la Vega"), "{people:?}");
    assert!(people.contains(&"Omar bin Haddad"), "{people:?}");
    assert!(
        !people.contains(&"Ana") && !people.contains(&"Vega"),
        "{people:?}"
    );
}

#[test]
fn a_city_is_a_club_only_where_the_club_is_named_in_full() {
    let city = "Strike\n\nDock workers in Lyon went on strike on Monday. Lyon is the third city of France.\n";
    let club =
        "Derby\n\nOlympique Lyonnais beat Nantes 2-0 on Sunday. Lyon is now top of the league.\n";
    let category = |text: &str| {
        let article = Article::parse(text).unwrap();
        let found = facts::extract(&article);
        found
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.text == "Lyon"))
            .map(|e| e.category)
    };
    assert_eq!(category(city), Some(factdrill_core::Category::City));
    assert_eq!(category(club), Some(factdrill_core::Category::Organisation));
}

#[test]
fn an_occupation_opening_a_sentence_is_a_role_not_a_name() {
    let text = "Flood\n\nMeteorologist Kari Nilsen said the rain would ease. Baker Theo Marchand closed his shop.\n";
    let article = Article::parse(text).unwrap();
    let found = facts::extract(&article);
    let people: Vec<(&str, Option<&str>)> = found
        .entities
        .iter()
        .filter(|e| e.category == factdrill_core::Category::Person)
        .map(|e| (e.canonical.as_str(), e.role.as_deref()))
        .collect();
    assert!(
        people.contains(&("Kari Nilsen", Some("Meteorologist"))),
        "{people:?}"
    );
    assert!(
        people.contains(&("Theo Marchand", Some("Baker"))),
        "{people:?}"
    );
}
