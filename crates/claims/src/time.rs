//! The time-scope grammar: "since September", "last fall", "in November 2024".
