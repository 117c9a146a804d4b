//! Results: the JSON `factdrill quiz --format json` writes, read back so
//! that `factdrill stats --import` can merge the sessions of several
//! machines. A file holds one result, several one after another (as `>>`
//! appends them) or an array of them; anything else is one line naming
//! the file.

use std::path::Path;

use factdrill_core::Kind;
use factdrill_core::check::Verdict;
use factdrill_core::questions::Style;
use serde::Deserialize;

use crate::error::input;
use crate::session::verdict_str;
use crate::store::{ImportedAnswer, ImportedSession, Status};

/// Results files larger than this are refused (a quiz's results are a few
/// kilobytes; this allows tens of thousands of them in one file).
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One quiz's results, as `quiz --format json` prints them (fields this
/// reader does not need are ignored).
#[derive(Debug, Deserialize)]
struct Results {
    session: String,
    player: String,
    deck: String,
    deck_title: String,
    status: String,
    started: String,
    ended: String,
    planned: usize,
    answered: usize,
    score: usize,
    /// Written since factdrill learnt `stats --import`; older files give
    /// the questions answered.
    #[serde(default)]
    plan: Option<Vec<String>>,
    /// First-time answers a resumed session had before (counted in
    /// `answered` and `score`, listed in the file written before).
    #[serde(default)]
    answered_before: usize,
    answers: Vec<Answer>,
}

#[derive(Debug, Deserialize)]
struct Answer {
    question: String,
    kind: Kind,
    style: Style,
    prompt: String,
    given: String,
    verdict: Verdict,
    expected: String,
    sentence: String,
    retry: bool,
    response_ms: i64,
}

/// Reads every session in the results file at `path`.
pub fn read(path: &Path) -> anyhow::Result<Vec<ImportedSession>> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        input(format!(
            "{shown}: cannot read: {}",
            crate::input::io_reason(&e)
        ))
    })?;
    if meta.is_dir() {
        return Err(input(format!(
            "{shown}: is a directory, not a results file"
        )));
    }
    if meta.len() > MAX_BYTES {
        return Err(input(format!(
            "{shown}: is too large for a results file ({} bytes)",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        input(format!(
            "{shown}: cannot read: {}",
            crate::input::io_reason(&e)
        ))
    })?;
    parse(&bytes).map_err(|e| input(format!("{shown}: {e}")))
}

/// The sessions in a results file's bytes; the error is the problem, without
/// the file name.
pub fn parse(bytes: &[u8]) -> Result<Vec<ImportedSession>, String> {
    const FOREIGN: &str = "is not the results of `factdrill quiz --format json`";
    let mut values = Vec::new();
    for value in serde_json::Deserializer::from_slice(bytes).into_iter::<serde_json::Value>() {
        match value {
            Ok(serde_json::Value::Array(items)) => values.extend(items),
            Ok(value) => values.push(value),
            Err(e) if e.is_syntax() || e.is_eof() => {
                return Err(format!("is not valid JSON ({e})"));
            }
            Err(e) => return Err(format!("{FOREIGN} ({e})")),
        }
    }
    if values.is_empty() {
        return Err("holds no quiz results".to_owned());
    }
    let many = values.len() > 1;
    values
        .into_iter()
        .enumerate()
        .map(|(i, value)| {
            let at = if many {
                format!("result {}: ", i + 1)
            } else {
                String::new()
            };
            let results: Results =
                serde_json::from_value(value).map_err(|e| format!("{at}{FOREIGN} ({e})"))?;
            session(results).map_err(|e| format!("{at}{e}"))
        })
        .collect()
}

/// Checks one result and turns it into a session to import.
fn session(r: Results) -> Result<ImportedSession, String> {
    let id = r.session.trim();
    if id.is_empty() || id.len() > 100 {
        return Err("its session id is missing or too long".to_owned());
    }
    let who = format!("session {id}");
    if r.player.trim().is_empty() {
        return Err(format!("{who}: has no player name"));
    }
    if r.deck.trim().is_empty() {
        return Err(format!("{who}: has no deck id"));
    }
    let status = match r.status.as_str() {
        "complete" => Status::Complete,
        "interrupted" => Status::Interrupted,
        other => return Err(format!("{who}: unknown status {other:?}")),
    };
    let time = |text: &str, field: &str| {
        text.parse::<jiff::Timestamp>()
            .map(jiff::Timestamp::as_millisecond)
            .map_err(|_| format!("{who}: `{field}` is not an RFC 3339 time: {text:?}"))
    };
    let started_ms = time(&r.started, "started")?;
    let ended_ms = time(&r.ended, "ended")?.max(started_ms);
    let first: Vec<&Answer> = r.answers.iter().filter(|a| !a.retry).collect();
    let right = first.iter().filter(|a| a.verdict != Verdict::Wrong).count();
    let before = r.answered_before;
    if first.len() + before != r.answered
        || r.score < right
        || r.score > right + before
        || r.answered > r.planned
    {
        return Err(format!(
            "{who}: its score ({} of {} answered, {} planned) does not match its answers ({right} of {}); the file was changed or damaged",
            r.score,
            r.answered,
            r.planned,
            first.len()
        ));
    }
    if let Some(a) = r.answers.iter().find(|a| a.response_ms < 0) {
        return Err(format!(
            "{who}: question {}: negative response time",
            a.question
        ));
    }
    let plan = r
        .plan
        .unwrap_or_else(|| first.iter().map(|a| a.question.clone()).collect());
    // Each answer's time: the start plus the time taken on it and the
    // answers before it (the file gives the session's start and end).
    let mut clock = started_ms;
    let answers = r
        .answers
        .into_iter()
        .map(|a| {
            clock = clock.saturating_add(a.response_ms).min(ended_ms);
            ImportedAnswer {
                question: a.question,
                kind: a.kind.as_str().to_owned(),
                style: a.style.as_str().to_owned(),
                prompt: a.prompt,
                expected: a.expected,
                sentence: a.sentence,
                given: a.given,
                verdict: verdict_str(a.verdict).to_owned(),
                retry: a.retry,
                response_ms: a.response_ms,
                answered_ms: clock,
            }
        })
        .collect();
    Ok(ImportedSession {
        id: id.to_owned(),
        player: r.player.trim().to_owned(),
        deck: r.deck,
        deck_title: r.deck_title,
        started_ms,
        ended_ms,
        status,
        plan,
        answers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{
      "session": "s-1", "player": "ana", "deck": "d-1", "deck_title": "T",
      "status": "complete", "end": "complete",
      "started": "2026-12-01T09:00:00Z", "ended": "2026-12-01T09:05:00Z",
      "planned": 2, "answered": 2, "score": 1, "percent": 50.0, "saved": true,
      "answers": [
        {"question": "q-1", "kind": "who", "style": "wh", "prompt": "Who?", "given": "A",
         "verdict": "correct", "rating": "good", "expected": "A", "sentence": "A did.",
         "retry": false, "response_ms": 1000},
        {"question": "q-2", "kind": "how_much", "style": "choice", "prompt": "How much?",
         "given": "2", "verdict": "wrong", "rating": "again", "expected": "3",
         "sentence": "3 of them.", "retry": false, "response_ms": 2000},
        {"question": "q-2", "kind": "how_much", "style": "choice", "prompt": "How much?",
         "given": "3", "verdict": "correct", "rating": "good", "expected": "3",
         "sentence": "3 of them.", "retry": true, "response_ms": 500}
      ]
    }"#;

    #[test]
    fn a_result_gives_its_session_and_answers_in_time_order() {
        let sessions = parse(ONE.as_bytes()).unwrap();
        let s = &sessions[0];
        assert_eq!((s.id.as_str(), s.player.as_str()), ("s-1", "ana"));
        assert_eq!(s.plan, ["q-1", "q-2"]);
        let times: Vec<i64> = s
            .answers
            .iter()
            .map(|a| a.answered_ms - s.started_ms)
            .collect();
        assert_eq!(times, [1000, 3000, 3500]);
        assert_eq!(s.answers[1].kind, "how_much");
        assert_eq!(s.answers[1].verdict, "wrong");
    }

    #[test]
    fn appended_results_and_arrays_are_read_alike() {
        let appended = format!("{ONE}\n{}", ONE.replace("s-1", "s-2"));
        assert_eq!(parse(appended.as_bytes()).unwrap().len(), 2);
        let array = format!("[{ONE}, {}]", ONE.replace("s-1", "s-2"));
        assert_eq!(parse(array.as_bytes()).unwrap()[1].id, "s-2");
    }

    #[test]
    fn broken_foreign_or_edited_results_are_refused() {
        let err = parse(b"{\"session\": ").unwrap_err();
        assert!(err.starts_with("is not valid JSON"), "{err}");
        let err = parse(br#"{"title": "a deck", "questions": []}"#).unwrap_err();
        assert!(err.contains("is not the results of"), "{err}");
        assert!(err.contains("missing field"), "{err}");
        let err = parse(b"   ").unwrap_err();
        assert_eq!(err, "holds no quiz results");
        let edited = ONE.replace("\"score\": 1", "\"score\": 2");
        let err = parse(edited.as_bytes()).unwrap_err();
        assert!(err.contains("does not match its answers"), "{err}");
        let err = parse(ONE.replace("\"who\"", "\"why\"").as_bytes()).unwrap_err();
        assert!(err.contains("unknown variant"), "{err}");
        let two = format!("{ONE}{}", ONE.replace("2026-12-01T09:05:00Z", "soon"));
        let err = parse(two.as_bytes()).unwrap_err();
        assert!(err.starts_with("result 2: session s-1: `ended`"), "{err}");
    }
}
