//! Who may use which route. Routes are added only through [`Site`], whose every method takes a
//! [`Policy`]: a route without one does not compile. `Site` also keeps the table of routes and
//! their policies, which a test walks with every role. A policy names a permission; which roles
//! have it is the domain's table ([`Role::may`]), which the use cases check again.

use axum::Router;
use axum::extract::Request;
use axum::handler::Handler;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{MethodFilter, on};
use wijkbeeld_domain::access::{Permission, Role};

use crate::api::ApiError;
use crate::auth::Viewer;
use crate::{AppError, AppState};

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Everybody, signed in or not.
    Public,
    /// Any signed-in account.
    SignedIn,
    /// Signed-in accounts whose role has this permission.
    Allowed(Permission),
}

/// What a policy says of a viewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// May pass.
    Granted,
    /// Must sign in first.
    SignInFirst,
    /// Signed in, but with a role that may not.
    Refused,
}

impl Policy {
    /// Whether a viewer with this role (none for the public) may pass.
    pub fn access(self, role: Option<Role>) -> Access {
        match (self, role) {
            (Policy::Public, _) => Access::Granted,
            (_, None) => Access::SignInFirst,
            (Policy::SignedIn, Some(_)) => Access::Granted,
            (Policy::Allowed(permission), Some(role)) if role.may(permission) => Access::Granted,
            (Policy::Allowed(_), Some(_)) => Access::Refused,
        }
    }
}

/// How a route answers, and so how a refusal is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page: the public is sent to the sign-in page, a wrong role gets a 403 page.
    Page,
    /// JSON: 401 or 403 with a JSON error body.
    Api,
}

/// One route with its policy, as declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteEntry {
    /// The method.
    pub method: Method,
    /// The path pattern, e.g. `/beheer/gebruikers/{id}/rol`.
    pub path: &'static str,
    /// Who may use it.
    pub policy: Policy,
    /// How it answers.
    pub kind: Kind,
}

/// The router under construction, with the table of its routes.
pub(crate) struct Site {
    router: Router<AppState>,
    entries: Vec<RouteEntry>,
}

impl Site {
    pub(crate) fn new() -> Self {
        Site { router: Router::new(), entries: Vec::new() }
    }

    /// Adds a GET route (HEAD is answered too).
    pub(crate) fn get<H, T>(self, path: &'static str, kind: Kind, policy: Policy, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::GET, MethodFilter::GET, path, kind, policy, handler)
    }

    /// Adds a POST route.
    pub(crate) fn post<H, T>(self, path: &'static str, kind: Kind, policy: Policy, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::POST, MethodFilter::POST, path, kind, policy, handler)
    }

    /// Adds a POST route that receives a file (a multipart form up to the upload limit).
    pub(crate) fn upload<H, T>(mut self, path: &'static str, kind: Kind, policy: Policy, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let guarded = on(MethodFilter::POST, handler)
            .layer(axum::extract::DefaultBodyLimit::max(crate::auth::csrf::MAX_UPLOAD_BYTES))
            .route_layer(axum::middleware::from_fn(move |request: Request, next: Next| {
                enforce(policy, kind, request, next)
            }));
        self.router = self.router.route(path, guarded);
        self.entries.push(RouteEntry { method: Method::POST, path, policy, kind });
        self
    }

    fn add<H, T>(
        mut self,
        method: Method,
        filter: MethodFilter,
        path: &'static str,
        kind: Kind,
        policy: Policy,
        handler: H,
    ) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let guarded =
            on(filter, handler).route_layer(axum::middleware::from_fn(move |request: Request, next: Next| {
                enforce(policy, kind, request, next)
            }));
        self.router = self.router.route(path, guarded);
        self.entries.push(RouteEntry { method, path, policy, kind });
        self
    }

    pub(crate) fn into_parts(self) -> (Router<AppState>, Vec<RouteEntry>) {
        (self.router, self.entries)
    }
}

async fn enforce(policy: Policy, kind: Kind, request: Request, next: Next) -> Response {
    let role = request.extensions().get::<Viewer>().and_then(Viewer::role);
    match (policy.access(role), kind) {
        (Access::Granted, _) => next.run(request).await,
        (Access::SignInFirst, Kind::Page) => {
            let back = request.uri().path_and_query().map_or("/", |path| path.as_str());
            let query = serde_urlencoded::to_string([("terug", back)]).unwrap_or_default();
            Redirect::to(&format!("/inloggen?{query}")).into_response()
        }
        (Access::SignInFirst, Kind::Api) => ApiError::unauthorised().into_response(),
        (Access::Refused, Kind::Page) => AppError::Forbidden.into_response(),
        (Access::Refused, Kind::Api) => ApiError::forbidden().into_response(),
    }
}

/// The answer a route gives a viewer it refuses, for tests: sign-in redirect, 401 or 403.
pub fn refusal_status(kind: Kind, access: Access) -> Option<StatusCode> {
    match (access, kind) {
        (Access::Granted, _) => None,
        (Access::SignInFirst, Kind::Page) => Some(StatusCode::SEE_OTHER),
        (Access::SignInFirst, Kind::Api) => Some(StatusCode::UNAUTHORIZED),
        (Access::Refused, _) => Some(StatusCode::FORBIDDEN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_decide_by_role() {
        let staff = Policy::Allowed(Permission::ReadAudit);
        assert_eq!(staff.access(None), Access::SignInFirst);
        assert_eq!(staff.access(Some(Role::Griffie)), Access::Granted);
        assert_eq!(staff.access(Some(Role::Partner)), Access::Refused);
        assert_eq!(Policy::Public.access(None), Access::Granted);
        assert_eq!(Policy::SignedIn.access(None), Access::SignInFirst);
        assert_eq!(Policy::SignedIn.access(Some(Role::Councillor)), Access::Granted);
    }
}
