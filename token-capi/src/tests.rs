//! Unit tests of the C ABI, calling the exports as C would.
