//! Schedule: spaced repetition with FSRS-6.
//!
//! Pure scheduling on top of the [`fsrs`] crate with its default FSRS-6
//! parameters ([`fsrs::DEFAULT_PARAMETERS`]): no clock and no I/O, the time
//! of a review is a parameter. A [`Scheduler`] holds the model and the
//! desired retention (the probability of recall the next review aims at,
//! [`DEFAULT_RETENTION`] unless the learner picks another value inside
//! [`RETENTION_RANGE`]).
//!
//! The rules of [`Scheduler::review`]:
//!
//! - **Elapsed days** are the whole days between the card's last review and
//!   `now`: the floor of `(now - last_review) / 86400 s`, and 0 if `now` is
//!   earlier. A new card (`None`, or a card still in [`State::New`]) has 0
//!   elapsed days and FSRS gets no memory state, so it starts from the
//!   initial stability and difficulty of the rating.
//! - **Memory state**: FSRS-6 computes the new stability and difficulty from
//!   the old ones, the rating and the elapsed days (a review on the same day,
//!   0 elapsed days, uses FSRS's short-term formula).
//! - **Interval**: FSRS's interval for the rating (float days, the time until
//!   recall falls to the desired retention), rounded to whole days and kept
//!   within 1..=36500 days. Every card therefore waits at least until the
//!   next day: a quiz is a daily thing. `due = now + scheduled_days × 86400 s`.
//! - **State**: [`Rating::Again`] on a [`State::Review`] card is a lapse: the
//!   card goes to [`State::Relearning`] and `lapses` grows by one. Again on a
//!   [`State::Relearning`] card keeps it there (no second lapse); Again on a
//!   [`State::New`] or [`State::Learning`] card makes it [`State::Learning`].
//!   Hard, Good and Easy always make it [`State::Review`]. `reps` grows by one
//!   on every review.
//! - **Log**: each review yields a [`Log`] with the rating, the time, the
//!   elapsed and scheduled days, and the state the card was in *before* the
//!   review ([`State::New`] for a first review).
//!
//! A new card graded Good has the initial stability 2.3065 days, so with the
//! default retention it is due in 2 days:
//!
//! ```
//! use factdrill_core::schedule::{DEFAULT_RETENTION, Rating, Scheduler, State};
//!
//! let scheduler = Scheduler::new(DEFAULT_RETENTION).unwrap();
//! let now: jiff::Timestamp = "2025-03-01T09:00:00Z".parse().unwrap();
//! let (card, log) = scheduler.review(None, Rating::Good, now).unwrap();
//! assert_eq!(log.scheduled_days, 2);
//! assert_eq!(log.state, State::New);
//! assert_eq!(card.state, State::Review);
//! assert_eq!(card.due, "2025-03-03T09:00:00Z".parse::<jiff::Timestamp>().unwrap());
//! assert!((card.stability - 2.3065).abs() < 1e-4);
//! ```

use std::fmt;

use jiff::{SignedDuration, Timestamp};

/// Seconds in a scheduling day.
const SECS_PER_DAY: i64 = 86_400;

/// The longest interval, in days (about a hundred years).
const MAX_INTERVAL_DAYS: u32 = 36_500;

/// A grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Forgotten (a lapse if the card was in review).
    Again = 1,
    /// Recalled with serious difficulty.
    Hard = 2,
    /// Recalled.
    Good = 3,
    /// Recalled easily.
    Easy = 4,
}

impl Rating {
    /// All ratings, from Again to Easy.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The rating's name: `"again"`, `"hard"`, `"good"` or `"easy"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// Parses a rating: its name in any case, its first letter (`a`, `h`,
    /// `g`, `e`) or its number `1`..`4`; surrounding whitespace is ignored.
    #[must_use]
    pub fn parse(s: &str) -> Option<Rating> {
        match s.trim().to_ascii_lowercase().as_str() {
            "again" | "a" | "1" => Some(Rating::Again),
            "hard" | "h" | "2" => Some(Rating::Hard),
            "good" | "g" | "3" => Some(Rating::Good),
            "easy" | "e" | "4" => Some(Rating::Easy),
            _ => None,
        }
    }

    /// The rating an answer's verdict earns: Wrong → Again, Close → Hard,
    /// Correct → Good.
    #[must_use]
    pub fn from_verdict(v: crate::check::Verdict) -> Rating {
        match v {
            crate::check::Verdict::Wrong => Rating::Again,
            crate::check::Verdict::Close => Rating::Hard,
            crate::check::Verdict::Correct => Rating::Good,
        }
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Never reviewed.
    New,
    /// Reviewed, but forgotten before it ever reached review.
    Learning,
    /// Recalled at its last review.
    Review,
    /// Forgotten after being in review (a lapse), not yet recalled again.
    Relearning,
}

impl State {
    /// The state's name: `"new"`, `"learning"`, `"review"` or `"relearning"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            State::New => "new",
            State::Learning => "learning",
            State::Review => "review",
            State::Relearning => "relearning",
        }
    }

    /// Parses a state's name, in any case; surrounding whitespace is ignored.
    #[must_use]
    pub fn parse(s: &str) -> Option<State> {
        match s.trim().to_ascii_lowercase().as_str() {
            "new" => Some(State::New),
            "learning" => Some(State::Learning),
            "review" => Some(State::Review),
            "relearning" => Some(State::Relearning),
            _ => None,
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A card's schedule.
///
/// Timestamps are serialised as RFC 3339 strings (`2025-03-01T09:00:00Z`).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Card {
    /// FSRS stability: days until recall probability falls to 90%.
    pub stability: f32,
    /// FSRS difficulty, 1 (easiest) to 10 (hardest).
    pub difficulty: f32,
    /// When the card is next due.
    #[serde(with = "timestamp_serde")]
    pub due: Timestamp,
    /// When the card was last reviewed.
    #[serde(with = "timestamp_serde")]
    pub last_review: Timestamp,
    /// How many times the card has been reviewed.
    pub reps: u32,
    /// How many times the card was forgotten while in review.
    pub lapses: u32,
    /// Where the card is in its life.
    pub state: State,
}

/// One review as logged.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Log {
    /// The grade given.
    pub rating: Rating,
    /// When the review happened.
    #[serde(serialize_with = "timestamp_serde::serialize")]
    pub reviewed: Timestamp,
    /// Whole days since the previous review (0 for a first review).
    pub elapsed_days: u32,
    /// Whole days until the card is due again.
    pub scheduled_days: u32,
    /// The card's state before the review ([`State::New`] for a first review).
    pub state: State,
}

/// Default desired retention.
pub const DEFAULT_RETENTION: f32 = 0.9;

/// Allowed range of desired retention.
pub const RETENTION_RANGE: std::ops::RangeInclusive<f32> = 0.7..=0.97;

/// Schedules reviews with FSRS-6's default parameters and a desired
/// retention.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: fsrs::FSRS,
    retention: f32,
}

impl Scheduler {
    /// A scheduler aiming at `retention`, which must be finite and inside
    /// [`RETENTION_RANGE`].
    pub fn new(retention: f32) -> Result<Scheduler, ScheduleError> {
        if !retention.is_finite() || !RETENTION_RANGE.contains(&retention) {
            return Err(ScheduleError(format!(
                "desired retention {retention} is outside {}..={}",
                RETENTION_RANGE.start(),
                RETENTION_RANGE.end()
            )));
        }
        let fsrs = fsrs::FSRS::new(&[])
            .map_err(|e| ScheduleError(format!("FSRS parameters rejected: {e}")))?;
        Ok(Scheduler { fsrs, retention })
    }

    /// The desired retention.
    #[must_use]
    pub fn retention(&self) -> f32 {
        self.retention
    }

    /// Reviews `card` (None = a new card) with `rating` at `now`.
    ///
    /// A card in [`State::New`] is treated like `None` (no memory state), but
    /// keeps its counts. Fails if the card's stability or difficulty is not a
    /// usable number, or if the due date would be out of range.
    pub fn review(
        &self,
        card: Option<&Card>,
        rating: Rating,
        now: Timestamp,
    ) -> Result<(Card, Log), ScheduleError> {
        let (memory, elapsed_days, before, reps, lapses) = match card {
            None => (None, 0, State::New, 0, 0),
            Some(card) if card.state == State::New => (None, 0, State::New, card.reps, card.lapses),
            Some(card) => {
                if !card.stability.is_finite() || card.stability <= 0.0 {
                    return Err(ScheduleError(format!(
                        "card stability {} is not a positive number",
                        card.stability
                    )));
                }
                if !card.difficulty.is_finite() {
                    return Err(ScheduleError(format!(
                        "card difficulty {} is not a number",
                        card.difficulty
                    )));
                }
                let memory = fsrs::MemoryState {
                    stability: card.stability,
                    difficulty: card.difficulty,
                };
                (
                    Some(memory),
                    whole_days_between(card.last_review, now),
                    card.state,
                    card.reps,
                    card.lapses,
                )
            }
        };
        let next = self
            .fsrs
            .next_states(memory, self.retention, elapsed_days)
            .map_err(|e| ScheduleError(format!("FSRS could not schedule the card: {e}")))?;
        let item = match rating {
            Rating::Again => next.again,
            Rating::Hard => next.hard,
            Rating::Good => next.good,
            Rating::Easy => next.easy,
        };
        let scheduled_days = interval_days(item.interval);
        let due = now
            .checked_add(SignedDuration::from_secs(
                i64::from(scheduled_days) * SECS_PER_DAY,
            ))
            .map_err(|e| ScheduleError(format!("due date out of range: {e}")))?;
        let (state, lapses) = match (rating, before) {
            (Rating::Again, State::Review) => (State::Relearning, lapses.saturating_add(1)),
            (Rating::Again, State::Relearning) => (State::Relearning, lapses),
            (Rating::Again, State::New | State::Learning) => (State::Learning, lapses),
            (Rating::Hard | Rating::Good | Rating::Easy, _) => (State::Review, lapses),
        };
        let card = Card {
            stability: item.memory.stability,
            difficulty: item.memory.difficulty,
            due,
            last_review: now,
            reps: reps.saturating_add(1),
            lapses,
            state,
        };
        let log = Log {
            rating,
            reviewed: now,
            elapsed_days,
            scheduled_days,
            state: before,
        };
        Ok((card, log))
    }

    /// Probability of recall of `card` at `now`.
    ///
    /// Uses the exact (fractional) time since the last review, 0 if `now` is
    /// earlier; a card without a usable stability (or a new card) has 0.
    #[must_use]
    pub fn retrievability(&self, card: &Card, now: Timestamp) -> f32 {
        if card.state == State::New || !card.stability.is_finite() || card.stability <= 0.0 {
            return 0.0;
        }
        let secs = now.duration_since(card.last_review).as_secs_f64().max(0.0);
        let days = (secs / SECS_PER_DAY as f64) as f32;
        let memory = fsrs::MemoryState {
            stability: card.stability,
            difficulty: card.difficulty,
        };
        fsrs::current_retrievability(memory, days, fsrs::FSRS6_DEFAULT_DECAY).clamp(0.0, 1.0)
    }
}

/// Whole days from `from` to `to`, rounded down; 0 if `to` is earlier.
fn whole_days_between(from: Timestamp, to: Timestamp) -> u32 {
    let secs = to.duration_since(from).as_secs();
    u32::try_from(secs.max(0) / SECS_PER_DAY).unwrap_or(u32::MAX)
}

/// FSRS's float interval as whole days within 1..=36500.
fn interval_days(interval: f32) -> u32 {
    if interval.is_nan() {
        return 1;
    }
    interval.round().clamp(1.0, MAX_INTERVAL_DAYS as f32) as u32
}

/// A scheduling failure, with a message for the learner.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleError(pub String);

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ScheduleError {}

/// Serde for [`Timestamp`] as an RFC 3339 string (jiff's own serde support is
/// not enabled in this workspace).
mod timestamp_serde {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub(super) fn serialize<S: Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(ts)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        text.parse().map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    //! The reference values below were worked out by hand (an independent
    //! float64 Python script, not the fsrs crate) from the published FSRS-6
    //! formulas with the default parameters
    //! w = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
    //!      1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
    //!      1.8729, 0.5425, 0.0912, 0.0658, 0.1542]:
    //!
    //! - initial stability S0(G) = w[G-1]
    //! - initial difficulty D0(G) = w4 - e^(w5·(G-1)) + 1, clamped to [1, 10]
    //! - R(t, S) = (1 + factor·t/S)^(-decay), decay = w20,
    //!   factor = 0.9^(-1/decay) - 1 (= 0.980346494)
    //! - interval I(r, S) = S/factor · (r^(-1/decay) - 1)
    //! - difficulty: ΔD = -w6·(G-3); D' = D + ΔD·(10-D)/9;
    //!   D'' = w7·D0(4) + (1-w7)·D', clamped to [1, 10]. The mean-reversion
    //!   target D0(4) = -4.7716 is NOT clamped (fsrs 6.6 `mean_reversion`
    //!   calls the unclamped `init_difficulty`; py-fsrs does the same).
    //! - success: S' = S·(1 + e^w8·(11-D)·S^(-w9)·(e^(w10·(1-R)) - 1)
    //!   ·(w15 if Hard)·(w16 if Easy)), with the OLD difficulty D (fsrs 6.6
    //!   computes stability from `last_d` before updating difficulty).
    //! - lapse: S' = min(w11·D^(-w12)·((S+1)^w13 - 1)·e^(w14·(1-R)),
    //!   S / e^(w17·w18)). Note: fsrs 6.6 (and FSRS-6 as published) caps
    //!   the post-lapse stability at S / e^(w17·w18) ≈ S / 1.0507, not at S.
    //! - same day (t = 0): S' = S·`SInc`, `SInc` = e^(w17·(G-3+w18))·S^(-w19),
    //!   replacing both formulas above for every rating; fsrs 6.6 clamps
    //!   `SInc` ≥ 1 for G ≥ 2 (Hard too), where py-fsrs clamps only for Good
    //!   and Easy. The tests follow the crate.
    //! - S is clamped to [0.001, 36500]; scheduled days = round(I), clamped
    //!   to [1, 36500].

    use super::*;
    use crate::check::Verdict;

    /// Relative tolerance between the f32 crate and the f64 reference.
    const REL: f32 = 1e-3;

    fn t0() -> Timestamp {
        "2025-01-01T08:00:00Z".parse().unwrap()
    }

    fn days(n: i64) -> SignedDuration {
        SignedDuration::from_secs(n * SECS_PER_DAY)
    }

    fn scheduler() -> Scheduler {
        Scheduler::new(DEFAULT_RETENTION).unwrap()
    }

    #[track_caller]
    fn assert_close(actual: f32, expected: f64, what: &str) {
        let expected = expected as f32;
        let diff = (actual - expected).abs();
        assert!(
            diff <= REL * expected.abs().max(1e-6),
            "{what}: got {actual}, expected {expected} (relative error {})",
            diff / expected.abs()
        );
    }

    /// One expected step of a replay: rating, days after the previous
    /// review, and the reference stability, difficulty and scheduled days.
    struct Step {
        rating: Rating,
        after_days: i64,
        stability: f64,
        difficulty: f64,
        scheduled_days: u32,
    }

    /// Replays `steps` from a new card at [`t0`], checking each against the
    /// reference values; returns the final card and all logs.
    fn replay(scheduler: &Scheduler, steps: &[Step]) -> (Card, Vec<Log>) {
        let mut card: Option<Card> = None;
        let mut now = t0();
        let mut logs = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            now += days(step.after_days);
            let (next, log) = scheduler.review(card.as_ref(), step.rating, now).unwrap();
            assert_close(
                next.stability,
                step.stability,
                &format!("step {i} stability"),
            );
            assert_close(
                next.difficulty,
                step.difficulty,
                &format!("step {i} difficulty"),
            );
            assert_eq!(
                log.scheduled_days, step.scheduled_days,
                "step {i} scheduled days"
            );
            assert_eq!(log.elapsed_days, u32::try_from(step.after_days).unwrap());
            assert_eq!(next.due, now + days(i64::from(step.scheduled_days)));
            assert_eq!(next.last_review, now);
            assert_eq!(next.reps, u32::try_from(i + 1).unwrap());
            logs.push(log);
            card = Some(next);
        }
        (card.unwrap(), logs)
    }

    fn step(
        rating: Rating,
        after_days: i64,
        stability: f64,
        difficulty: f64,
        scheduled_days: u32,
    ) -> Step {
        Step {
            rating,
            after_days,
            stability,
            difficulty,
            scheduled_days,
        }
    }

    // New card, first review: S0(G) = w[G-1], D0(G) = w4 - e^(w5·(G-1)) + 1.
    const NEW_AGAIN: (f64, f64) = (0.212, 6.4133);
    const NEW_HARD: (f64, f64) = (1.2931, 5.112_170_7);
    const NEW_GOOD: (f64, f64) = (2.3065, 2.118_104);
    // D0(4) = 6.4133 - e^2.5002 + 1 = -4.77 → clamped to 1.
    const NEW_EASY: (f64, f64) = (8.2956, 1.0);

    // Good, then Good 2 days later: R(2, 2.3065) = 0.909493256,
    // S' = 2.3065·(1 + e^1.8722·(11-2.118104)·2.3065^-0.1666·(e^(0.796·0.0905) - 1)),
    // D'' = 0.001·(-4.7716) + 0.999·2.118104; I = 10.964 → 11 days.
    const GOOD_GOOD_2: (f64, f64) = (10.964_332_3, 2.111_214_2);
    // ... then Again at the due date (11 days): R(11, 10.9643) = 0.8997767,
    // S' = 1.4835·2.1112^-0.0614·(11.9643^0.2629 - 1)·e^(1.6483·0.1002) = 1.538 (< cap 10.43),
    // D' = 2.1112 + 6.0388·(10-2.1112)/9; I = 1.538 → 2 days.
    const GOOD_GOOD_AGAIN_11: (f64, f64) = (1.538_337_2, 7.392_238_1);
    // ... then Again 2 days later (still relearning): R = 0.8809811.
    const RELEARN_AGAIN_2: (f64, f64) = (0.442_980_4, 9.128_074_8);
    // ... then Good 1 day later: R = 0.8352816, I = 1.308 → 1 day.
    const RELEARN_GOOD_1: (f64, f64) = (1.308_165_8, 9.114_175_1);
    // Good, then Easy 2 days later: success formula × w16; D clamps to 1.
    const GOOD_EASY_2: (f64, f64) = (18.521_754_2, 1.0);
    // Good, then Hard 2 days later: success formula × w15.
    const GOOD_HARD_2: (f64, f64) = (7.513_320_4, 4.752_858_5);
    // Good, then Good the same day: `SInc` = e^(0.5425·0.0912)·2.3065^-0.0658 = 0.9945 → 1.
    const GOOD_GOOD_0: (f64, f64) = (2.3065, 2.111_214_2);
    // Good, then Hard the same day: `SInc` = 0.578 → clamped to 1 by fsrs 6.6 (G ≥ 2).
    const GOOD_HARD_0: (f64, f64) = (2.3065, 4.752_858_5);
    // Good, then Again the same day: `SInc` = e^(0.5425·(-2+0.0912))·2.3065^-0.0658 (no clamp).
    const GOOD_AGAIN_0: (f64, f64) = (0.775_084, 7.394_502_7);
    // Again, then Good 1 day later: R(1, 0.212) = 0.7661957.
    const AGAIN_GOOD_1: (f64, f64) = (1.886_787_6, 6.402_115_1);
    // Again, then Again 1000 days later: R = 0.2721672, the lapse formula
    // gives 0.228, above the cap 0.212 / e^(0.5425·0.0912) = 0.2017663.
    const AGAIN_AGAIN_1000: (f64, f64) = (0.201_766_3, 8.806_304_5);
    // Retention 0.8: I(0.8, 2.3065) = 7.64826 → 8 days; I(0.8, 10.9643) = 36.357 → 36 days.
    const RET_08_GOOD_DAYS: u32 = 8;
    const RET_08_GOOD_GOOD_DAYS: u32 = 36;
    // Retention 0.7: Easy (I(0.7, 8.2956) = 77.05 → 77), then Easy after
    // 8 days: R = 0.9024733, S' = 65.6242262, I(0.7, S') = 609.512 → 610 days.
    const RET_07_EASY_EASY_8: (f64, f64) = (65.624_226_2, 1.0);
    // R(2, 2.3065) and R(0.5, 2.3065).
    const R_GOOD_AT_2: f64 = 0.909_493_256;
    const R_GOOD_AT_HALF: f64 = 0.970_722_886;

    #[test]
    fn new_card_graded_good_is_due_in_two_days() {
        let (card, logs) = replay(
            &scheduler(),
            &[step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2)],
        );
        assert_eq!(card.due, t0() + days(2));
        assert_eq!(card.state, State::Review);
        assert_eq!(card.lapses, 0);
        assert_eq!(
            logs[0],
            Log {
                rating: Rating::Good,
                reviewed: t0(),
                elapsed_days: 0,
                scheduled_days: 2,
                state: State::New,
            }
        );
    }

    #[test]
    fn new_card_graded_again_is_learning_and_waits_a_day() {
        let (card, logs) = replay(
            &scheduler(),
            &[step(Rating::Again, 0, NEW_AGAIN.0, NEW_AGAIN.1, 1)],
        );
        assert_eq!(card.state, State::Learning);
        assert_eq!(card.lapses, 0, "a new card cannot lapse");
        assert_eq!(logs[0].state, State::New);
    }

    #[test]
    fn new_card_graded_hard_waits_a_day() {
        let (card, _) = replay(
            &scheduler(),
            &[step(Rating::Hard, 0, NEW_HARD.0, NEW_HARD.1, 1)],
        );
        assert_eq!(card.state, State::Review);
    }

    #[test]
    fn new_card_graded_easy_waits_eight_days_at_minimum_difficulty() {
        let (card, _) = replay(
            &scheduler(),
            &[step(Rating::Easy, 0, NEW_EASY.0, NEW_EASY.1, 8)],
        );
        assert_eq!(card.state, State::Review);
    }

    #[test]
    fn good_then_good_after_two_days_grows_to_eleven_days() {
        let (card, logs) = replay(
            &scheduler(),
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2),
                step(Rating::Good, 2, GOOD_GOOD_2.0, GOOD_GOOD_2.1, 11),
            ],
        );
        assert_eq!(card.state, State::Review);
        assert_eq!(logs[1].state, State::Review);
        assert_eq!(logs[1].elapsed_days, 2);
    }

    #[test]
    fn good_then_easy_or_hard_after_two_days_scale_the_growth() {
        replay(
            &scheduler(),
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2),
                step(Rating::Easy, 2, GOOD_EASY_2.0, GOOD_EASY_2.1, 19),
            ],
        );
        replay(
            &scheduler(),
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2),
                step(Rating::Hard, 2, GOOD_HARD_2.0, GOOD_HARD_2.1, 8),
            ],
        );
    }

    #[test]
    fn again_on_a_review_card_is_a_lapse_into_relearning() {
        let (card, logs) = replay(
            &scheduler(),
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2),
                step(Rating::Good, 2, GOOD_GOOD_2.0, GOOD_GOOD_2.1, 11),
                step(
                    Rating::Again,
                    11,
                    GOOD_GOOD_AGAIN_11.0,
                    GOOD_GOOD_AGAIN_11.1,
                    2,
                ),
            ],
        );
        assert_eq!(card.state, State::Relearning);
        assert_eq!(card.lapses, 1);
        assert_eq!(card.reps, 3);
        assert_eq!(logs[2].state, State::Review);
        assert_eq!(logs[2].rating, Rating::Again);
    }

    #[test]
    fn again_while_relearning_stays_relearning_without_a_second_lapse() {
        let (card, logs) = replay(
            &scheduler(),
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2),
                step(Rating::Good, 2, GOOD_GOOD_2.0, GOOD_GOOD_2.1, 11),
                step(
                    Rating::Again,
                    11,
                    GOOD_GOOD_AGAIN_11.0,
                    GOOD_GOOD_AGAIN_11.1,
                    2,
                ),
                step(Rating::Again, 2, RELEARN_AGAIN_2.0, RELEARN_AGAIN_2.1, 1),
            ],
        );
        assert_eq!(card.state, State::Relearning);
        assert_eq!(card.lapses, 1);
        assert_eq!(logs[3].state, State::Relearning);

        let now = card.last_review + days(1);
        let (card, log) = scheduler().review(Some(&card), Rating::Good, now).unwrap();
        assert_close(card.stability, RELEARN_GOOD_1.0, "stability");
        assert_close(card.difficulty, RELEARN_GOOD_1.1, "difficulty");
        assert_eq!(log.scheduled_days, 1);
        assert_eq!(log.state, State::Relearning);
        assert_eq!(card.state, State::Review);
        assert_eq!((card.reps, card.lapses), (5, 1));
    }

    #[test]
    fn again_while_learning_stays_learning_and_good_moves_to_review() {
        let (card, _) = replay(
            &scheduler(),
            &[
                step(Rating::Again, 0, NEW_AGAIN.0, NEW_AGAIN.1, 1),
                step(
                    Rating::Again,
                    1000,
                    AGAIN_AGAIN_1000.0,
                    AGAIN_AGAIN_1000.1,
                    1,
                ),
            ],
        );
        assert_eq!(card.state, State::Learning);
        assert_eq!(card.lapses, 0);

        let (card, _) = replay(
            &scheduler(),
            &[
                step(Rating::Again, 0, NEW_AGAIN.0, NEW_AGAIN.1, 1),
                step(Rating::Good, 1, AGAIN_GOOD_1.0, AGAIN_GOOD_1.1, 2),
            ],
        );
        assert_eq!(card.state, State::Review);
    }

    #[test]
    fn same_day_review_uses_the_short_term_formula() {
        let (card, logs) = replay(
            &scheduler(),
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2),
                step(Rating::Good, 0, GOOD_GOOD_0.0, GOOD_GOOD_0.1, 2),
            ],
        );
        assert_eq!(logs[1].elapsed_days, 0);
        assert_eq!(card.state, State::Review);
        replay(
            &scheduler(),
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2),
                step(Rating::Hard, 0, GOOD_HARD_0.0, GOOD_HARD_0.1, 2),
            ],
        );
        let (card, _) = replay(
            &scheduler(),
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, 2),
                step(Rating::Again, 0, GOOD_AGAIN_0.0, GOOD_AGAIN_0.1, 1),
            ],
        );
        assert_eq!(card.state, State::Relearning);
        assert_eq!(card.lapses, 1);
    }

    #[test]
    fn lower_retention_gives_longer_intervals() {
        let low = Scheduler::new(0.8).unwrap();
        let (card, logs) = replay(
            &low,
            &[
                step(Rating::Good, 0, NEW_GOOD.0, NEW_GOOD.1, RET_08_GOOD_DAYS),
                step(
                    Rating::Good,
                    2,
                    GOOD_GOOD_2.0,
                    GOOD_GOOD_2.1,
                    RET_08_GOOD_GOOD_DAYS,
                ),
            ],
        );
        assert_eq!(card.state, State::Review);
        assert!(logs[0].scheduled_days > 2 && logs[1].scheduled_days > 11);

        for rating in Rating::ALL {
            let (at_90, _) = scheduler().review(None, rating, t0()).unwrap();
            let (at_80, _) = low.review(None, rating, t0()).unwrap();
            assert!(at_80.due >= at_90.due, "{rating}");
        }
    }

    #[test]
    fn long_intervals_round_to_whole_days() {
        let scheduler = Scheduler::new(0.7).unwrap();
        replay(
            &scheduler,
            &[
                step(Rating::Easy, 0, NEW_EASY.0, NEW_EASY.1, 77),
                step(
                    Rating::Easy,
                    8,
                    RET_07_EASY_EASY_8.0,
                    RET_07_EASY_EASY_8.1,
                    610,
                ),
            ],
        );
    }

    #[test]
    fn intervals_are_capped_at_a_hundred_years() {
        let card = Card {
            stability: 36_500.0,
            difficulty: 1.0,
            due: t0(),
            last_review: t0(),
            reps: 9,
            lapses: 0,
            state: State::Review,
        };
        let scheduler = Scheduler::new(0.7).unwrap();
        let now = t0() + days(30);
        let (next, log) = scheduler.review(Some(&card), Rating::Easy, now).unwrap();
        assert_eq!(log.scheduled_days, 36_500);
        assert_eq!(next.due, now + days(36_500));
        assert!(next.stability <= 36_500.0);
    }

    #[test]
    fn elapsed_days_are_whole_days_rounded_down_and_never_negative() {
        let scheduler = scheduler();
        let (card, _) = scheduler.review(None, Rating::Good, t0()).unwrap();
        let almost_three = t0() + days(3) - SignedDuration::from_secs(1);
        let (_, log) = scheduler
            .review(Some(&card), Rating::Good, almost_three)
            .unwrap();
        assert_eq!(log.elapsed_days, 2);
        let earlier = t0() - days(5);
        let (next, log) = scheduler
            .review(Some(&card), Rating::Good, earlier)
            .unwrap();
        assert_eq!(log.elapsed_days, 0);
        // Treated as a same-day review.
        assert_close(next.stability, GOOD_GOOD_0.0, "stability");
        assert_eq!(next.due, earlier + days(2));
    }

    #[test]
    fn retrievability_follows_the_forgetting_curve() {
        let scheduler = scheduler();
        let (card, _) = scheduler.review(None, Rating::Good, t0()).unwrap();
        assert_close(scheduler.retrievability(&card, t0()), 1.0, "at review");
        assert_close(
            scheduler.retrievability(&card, t0() + days(2)),
            R_GOOD_AT_2,
            "after 2 days",
        );
        let half_day = t0() + SignedDuration::from_secs(SECS_PER_DAY / 2);
        assert_close(
            scheduler.retrievability(&card, half_day),
            R_GOOD_AT_HALF,
            "after half a day",
        );
        assert_close(
            scheduler.retrievability(&card, t0() - days(1)),
            1.0,
            "before the review",
        );
        // At exactly S days recall is 90% by definition of stability.
        let at_s = t0() + SignedDuration::from_secs_f64(2.3065 * 86_400.0);
        assert_close(scheduler.retrievability(&card, at_s), 0.9, "at S days");
    }

    #[test]
    fn new_state_card_is_reviewed_like_a_new_card() {
        let scheduler = scheduler();
        let card = Card {
            stability: 0.0,
            difficulty: 0.0,
            due: t0(),
            last_review: t0() - days(40),
            reps: 0,
            lapses: 0,
            state: State::New,
        };
        let (next, log) = scheduler.review(Some(&card), Rating::Good, t0()).unwrap();
        assert_close(next.stability, NEW_GOOD.0, "stability");
        assert_eq!((log.elapsed_days, log.scheduled_days), (0, 2));
        assert_eq!(
            scheduler.retrievability(&card, t0()).to_bits(),
            0.0_f32.to_bits()
        );
    }

    #[test]
    fn unusable_card_numbers_are_errors() {
        let scheduler = scheduler();
        let (mut card, _) = scheduler.review(None, Rating::Good, t0()).unwrap();
        card.stability = f32::NAN;
        assert!(scheduler.review(Some(&card), Rating::Good, t0()).is_err());
        card.stability = 2.0;
        card.difficulty = f32::INFINITY;
        let err = scheduler
            .review(Some(&card), Rating::Good, t0())
            .unwrap_err();
        assert!(err.to_string().contains("difficulty"), "{err}");
    }

    #[test]
    fn scheduler_rejects_retention_outside_the_range() {
        assert!(Scheduler::new(0.5).is_err());
        assert!(Scheduler::new(0.99).is_err());
        assert!(Scheduler::new(f32::NAN).is_err());
        assert!(Scheduler::new(f32::INFINITY).is_err());
        let err = Scheduler::new(0.5).unwrap_err();
        assert!(err.to_string().contains("0.5"), "{err}");
        assert_eq!(
            Scheduler::new(0.7).unwrap().retention().to_bits(),
            0.7_f32.to_bits()
        );
        assert_eq!(
            Scheduler::new(0.97).unwrap().retention().to_bits(),
            0.97_f32.to_bits()
        );
        assert_eq!(
            scheduler().retention().to_bits(),
            DEFAULT_RETENTION.to_bits()
        );
    }

    #[test]
    fn rating_parses_names_letters_and_numbers() {
        for (text, rating) in [
            ("again", Rating::Again),
            ("AGAIN", Rating::Again),
            (" a ", Rating::Again),
            ("1", Rating::Again),
            ("Hard", Rating::Hard),
            ("h", Rating::Hard),
            ("2", Rating::Hard),
            ("good", Rating::Good),
            ("G", Rating::Good),
            ("3\n", Rating::Good),
            ("easy", Rating::Easy),
            ("e", Rating::Easy),
            ("4", Rating::Easy),
        ] {
            assert_eq!(Rating::parse(text), Some(rating), "{text:?}");
        }
        for text in ["", "0", "5", "x", "goodish", "ag"] {
            assert_eq!(Rating::parse(text), None, "{text:?}");
        }
        for rating in Rating::ALL {
            assert_eq!(Rating::parse(rating.as_str()), Some(rating));
            assert_eq!(rating.to_string(), rating.as_str());
        }
        assert_eq!(Rating::ALL.map(|r| r as u8), [1, 2, 3, 4]);
    }

    #[test]
    fn rating_from_verdict() {
        assert_eq!(Rating::from_verdict(Verdict::Wrong), Rating::Again);
        assert_eq!(Rating::from_verdict(Verdict::Close), Rating::Hard);
        assert_eq!(Rating::from_verdict(Verdict::Correct), Rating::Good);
    }

    #[test]
    fn state_parses_its_names() {
        for state in [
            State::New,
            State::Learning,
            State::Review,
            State::Relearning,
        ] {
            assert_eq!(State::parse(state.as_str()), Some(state));
            assert_eq!(State::parse(&state.as_str().to_uppercase()), Some(state));
            assert_eq!(state.to_string(), state.as_str());
        }
        assert_eq!(State::parse(" review "), Some(State::Review));
        assert_eq!(State::parse("due"), None);
    }

    #[test]
    fn card_and_log_serialise_with_rfc3339_times() {
        let (card, log) = scheduler().review(None, Rating::Good, t0()).unwrap();
        let json = serde_json::to_string(&card).unwrap();
        assert!(json.contains(r#""due":"2025-01-03T08:00:00Z""#), "{json}");
        assert!(json.contains(r#""state":"review""#), "{json}");
        let back: Card = serde_json::from_str(&json).unwrap();
        assert_eq!(back, card);
        let json = serde_json::to_string(&log).unwrap();
        assert!(
            json.contains(r#""reviewed":"2025-01-01T08:00:00Z""#),
            "{json}"
        );
        assert!(json.contains(r#""rating":"good""#), "{json}");
        assert!(json.contains(r#""state":"new""#), "{json}");
    }
}
