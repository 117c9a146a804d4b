//! Our own test articles (tests/articles/*.txt|md), each with a hand-written
//! key of the entities a careful reader finds (`*.expect.toml`). The
//! extractor must find nearly all of them, with every spelling of one
//! referent on one entity, and none of the listed false friends.

use std::fs;
use std::path::{Path, PathBuf};

use factdrill_core::facts::{self, Facts};
use factdrill_core::{Article, Kind};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expect {
    article: String,
    title: Option<String>,
    byline: Option<String>,
    date: Option<String>,
    #[serde(default)]
    entity: Vec<ExpectEntity>,
    #[serde(default)]
    absent: Absent,
}

#[derive(Debug, Deserialize)]
struct ExpectEntity {
    kind: String,
    #[serde(default)]
    category: String,
    canonical: String,
    mentions: Vec<String>,
    role: Option<String>,
    #[serde(default)]
    optional: bool,
}

#[derive(Debug, Default, Deserialize)]
struct Absent {
    #[serde(default)]
    texts: Vec<String>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/articles")
}

/// Lowercase, possessive and punctuation stripped, leading "the" dropped.
fn norm(s: &str) -> String {
    let s = s.replace("’s", "").replace("'s", "");
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '$' || c == '%' || c == '€' || c == '£' {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    s.split_whitespace()
        .filter(|w| !matches!(*w, "the" | "a" | "an"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn kind_name(k: Kind) -> &'static str {
    k.as_str()
}

/// The same mention, as `shared/eval/seed_eval.py` judges it: equal, or
/// one a run of the other's words covering at least two thirds of them
/// ("over the past decade" ~ "the past decade").
fn close(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() || 3 * short.len() < 2 * long.len() {
        return false;
    }
    long.windows(short.len()).any(|w| w == short.as_slice())
}

/// Entities (by index) that have a mention spelled like `text` with `kind`.
fn owners(facts: &Facts, kind: &str, text: &str) -> Vec<usize> {
    let want = norm(text);
    facts
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            kind_name(e.kind) == kind && e.mentions.iter().any(|m| close(&norm(m.text), &want))
        })
        .map(|(i, _)| i)
        .collect()
}

struct Score {
    name: String,
    found: usize,
    wanted: usize,
    merged: usize,
    groups: usize,
    roles: usize,
    roles_wanted: usize,
    missed: Vec<String>,
    unmerged: Vec<String>,
    false_friends: Vec<String>,
    extras: Vec<String>,
}

fn score(expect_path: &Path) -> Score {
    let expect: Expect = toml::from_str(&fs::read_to_string(expect_path).unwrap()).unwrap();
    let text = fs::read_to_string(dir().join(&expect.article)).unwrap();
    let article = Article::parse(&text).unwrap();
    if let Some(title) = &expect.title {
        assert_eq!(
            article.title.as_ref().map(|t| t.text.as_str()),
            Some(title.as_str()),
            "{}",
            expect.article
        );
    }
    if let Some(byline) = &expect.byline {
        assert_eq!(
            article.byline.as_ref().map(|t| t.text.as_str()),
            Some(byline.as_str()),
            "{}",
            expect.article
        );
    }
    if let Some(date) = &expect.date {
        assert_eq!(
            article.date.map(|d| d.to_string()).as_deref(),
            Some(date.as_str()),
            "{}",
            expect.article
        );
    }
    let facts = facts::extract(&article);
    let mut s = Score {
        name: expect.article.clone(),
        found: 0,
        wanted: 0,
        merged: 0,
        groups: 0,
        roles: 0,
        roles_wanted: 0,
        missed: vec![],
        unmerged: vec![],
        false_friends: vec![],
        extras: vec![],
    };
    for e in expect.entity.iter().filter(|e| !e.optional) {
        let sets: Vec<Vec<usize>> = e
            .mentions
            .iter()
            .map(|m| owners(&facts, &e.kind, m))
            .collect();
        for (m, set) in e.mentions.iter().zip(&sets) {
            s.wanted += 1;
            if set.is_empty() {
                s.missed.push(format!("{}:{m}", e.kind));
            } else {
                s.found += 1;
            }
        }
        s.groups += 1;
        let common = sets.iter().skip(1).fold(sets[0].clone(), |acc, set| {
            acc.into_iter().filter(|i| set.contains(i)).collect()
        });
        if common.is_empty() {
            s.unmerged.push(e.canonical.clone());
        } else {
            s.merged += 1;
            if let Some(role) = &e.role {
                s.roles_wanted += 1;
                let got = facts.entities[common[0]].role.as_deref().unwrap_or("");
                if norm(got).contains(&norm(role))
                    || norm(role).contains(&norm(got)) && !got.is_empty()
                {
                    s.roles += 1;
                }
            }
        }
        let _ = &e.category;
    }
    let known: Vec<(String, String)> = expect
        .entity
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (e.kind.clone(), norm(m))))
        .collect();
    for e in &facts.entities {
        for m in &e.mentions {
            let t = norm(m.text);
            if expect.absent.texts.iter().any(|a| norm(a) == t) {
                s.false_friends.push(m.text.to_owned());
            }
            if !known
                .iter()
                .any(|(k, n)| k == kind_name(e.kind) && close(n, &t))
            {
                s.extras.push(format!("{}:{}", kind_name(e.kind), m.text));
            }
        }
    }
    s.extras.sort();
    s.extras.dedup();
    s
}

fn all_scores() -> Vec<Score> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expect.toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 6, "six test articles or more");
    paths.iter().map(|p| score(p)).collect()
}

#[test]
fn own_articles_yield_their_expected_entities() {
    let mut failures = Vec::new();
    for s in all_scores() {
        let recall = s.found as f64 / s.wanted as f64;
        let merged = s.merged as f64 / s.groups as f64;
        eprintln!(
            "{}: recall {recall:.2} ({}/{}), merged {}/{}, roles {}/{}, missed {:?}, unmerged {:?}, extras {:?}",
            s.name,
            s.found,
            s.wanted,
            s.merged,
            s.groups,
            s.roles,
            s.roles_wanted,
            s.missed,
            s.unmerged,
            s.extras
        );
        if recall < 0.85 || merged < 0.85 || s.roles < s.roles_wanted * 3 / 4 {
            failures.push(s.name.clone());
        }
        if !s.false_friends.is_empty() {
            failures.push(format!("{}: false friends {:?}", s.name, s.false_friends));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}
