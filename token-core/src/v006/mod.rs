//! AccessToken 006: the format of Agora's documented `SimpleTokenBuilder`.

pub(crate) mod builder;
pub(crate) mod helpers;
pub(crate) mod privilege;
pub(crate) mod token;
