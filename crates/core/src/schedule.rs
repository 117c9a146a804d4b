//! Schedule: spaced repetition with FSRS (placeholder; being written).
