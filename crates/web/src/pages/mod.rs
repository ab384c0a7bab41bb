//! The HTML pages. Each renders a template whose frame comes from [`crate::layout::Layout`].

pub(crate) mod account;
pub(crate) mod admin;
pub(crate) mod audit;
pub(crate) mod home;
pub(crate) mod market;
pub(crate) mod proposals;
pub(crate) mod sign_in;

use crate::AppError;

/// Any address without a route.
pub(crate) async fn not_found() -> AppError {
    AppError::NotFound
}
