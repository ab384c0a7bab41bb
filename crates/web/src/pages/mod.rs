//! The HTML pages, and the frame they share: the header with the navigation for the viewer's
//! role, and the sign-out form.

pub(crate) mod account;
pub(crate) mod admin;
pub(crate) mod audit;
pub(crate) mod home;
pub(crate) mod sign_in;

use askama::Template;
use askama_web::WebTemplate;
use wijkbeeld_domain::access::Role;

use crate::AppError;
use crate::auth::Viewer;
use crate::auth::policy::{Access, Policy};
use crate::labels;

/// The griffie and functional administrators: the audit log.
pub(crate) const AUDIT_READERS: Policy = Policy::Roles(&[Role::Griffie, Role::Admin]);
/// Functional administrators only: accounts and API tokens.
pub(crate) const ADMINS: Policy = Policy::Roles(&[Role::Admin]);

/// The navigation: each link is shown to the viewers its page admits.
const NAVIGATION: &[(&str, &str, Policy)] = &[
    ("/", "Home", Policy::Public),
    ("/audit", "Auditlog", AUDIT_READERS),
    ("/beheer/gebruikers", "Gebruikers", ADMINS),
    ("/beheer/tokens", "API-tokens", ADMINS),
    ("/account", "Mijn account", Policy::SignedIn),
];

/// A link in the header.
pub(crate) struct NavLink {
    pub(crate) href: &'static str,
    pub(crate) label: &'static str,
}

/// Who is signed in, as the header shows it.
pub(crate) struct SignedIn {
    pub(crate) name: String,
    pub(crate) role: &'static str,
}

/// What every page's frame needs.
pub(crate) struct Layout {
    pub(crate) signed_in: Option<SignedIn>,
    pub(crate) form_token: String,
    pub(crate) links: Vec<NavLink>,
}

impl Layout {
    /// The frame for a viewer.
    pub(crate) fn new(viewer: &Viewer) -> Layout {
        let role = viewer.role();
        Layout {
            signed_in: viewer
                .account
                .as_ref()
                .map(|account| SignedIn { name: account.display_name.clone(), role: labels::role(account.role) }),
            form_token: viewer.form_token.clone(),
            links: NAVIGATION
                .iter()
                .filter(|(_, _, policy)| policy.access(role) == Access::Granted)
                .map(|(href, label, _)| NavLink { href, label })
                .collect(),
        }
    }

    /// The frame of error pages, which do not know the viewer.
    pub(crate) fn plain() -> Layout {
        Layout { signed_in: None, form_token: String::new(), links: vec![NavLink { href: "/", label: "Home" }] }
    }
}

/// A page that says what went wrong, in words for the public.
#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub(crate) struct ErrorPage {
    layout: Layout,
    title: String,
    message: String,
}

impl ErrorPage {
    pub(crate) fn new(title: &str, message: String) -> Self {
        ErrorPage { layout: Layout::plain(), title: title.to_owned(), message }
    }
}

/// Any address without a route.
pub(crate) async fn not_found() -> AppError {
    AppError::NotFound
}
