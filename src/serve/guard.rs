//! Only the page's own origin: a request must be addressed to the address the
//! server listens on (or a host its operator allowed), and a request that changes
//! anything must not come from another site.
//!
//! The `Host` check stops DNS rebinding: a web page on another domain that points
//! its name at 127.0.0.1 makes the browser send `Host: evil.example:PORT`, and is
//! refused before it can upload or read `/api/rules`. The `Origin` /
//! `Sec-Fetch-Site` check stops a cross-site form post, whose answer the browser
//! would hide but whose work the server would still do. Clients that send neither
//! header (curl, scripts, CI) are not browsers acting for another site and pass.

use super::api::{ApiError, lang_of};
use super::refusal::Refusal;
use crate::Lang;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::sync::Arc;

/// The `Host` values (lower case, with port) this server answers to, and the
/// server's language for the refusals of requests that name none.
pub(super) struct Hosts {
    allowed: Vec<String>,
    lang: Option<Lang>,
}

impl Hosts {
    pub(super) fn new(listening: SocketAddr, extra: &[String], lang: Option<Lang>) -> Hosts {
        let port = listening.port();
        let mut allowed = vec![format!("localhost:{port}")];
        let ip = listening.ip();
        if ip.is_unspecified() {
            allowed.push(format!("127.0.0.1:{port}"));
            allowed.push(format!("[::1]:{port}"));
        } else {
            // `SocketAddr` writes an IPv6 address in brackets, as `Host` carries it.
            allowed.push(listening.to_string());
        }
        for name in extra {
            let name = name.trim().to_ascii_lowercase();
            if name.is_empty() {
                continue;
            }
            if has_port(&name) {
                allowed.push(name);
            } else {
                allowed.push(format!("{name}:{port}"));
            }
        }
        Hosts { allowed, lang }
    }

    fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        self.allowed.contains(&host)
    }

    /// Whether `origin` (`scheme://host:port`) is this page's own.
    fn is_own_origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .is_some_and(|host| self.allows(host))
    }
}

/// `name:port` or `[v6]:port`, as opposed to a bare name or address.
fn has_port(name: &str) -> bool {
    match name.rfind(':') {
        Some(colon) => {
            let after = &name[colon + 1..];
            !after.is_empty()
                && after.bytes().all(|b| b.is_ascii_digit())
                && (!name.starts_with('[') || name[..colon].ends_with(']'))
        }
        None => false,
    }
}

/// The middleware: 421 for a foreign `Host`, 403 for a cross-site change.
pub(super) async fn same_site(hosts: State<Arc<Hosts>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    let refused = if !host.is_some_and(|h| hosts.allows(h)) {
        Some(Refusal::ForeignHost)
    } else {
        let changes_something = !matches!(*request.method(), Method::GET | Method::HEAD);
        (changes_something && is_cross_site(&request, &hosts)).then_some(Refusal::CrossSite)
    };
    match refused {
        Some(refusal) => ApiError::from(refusal)
            .in_lang(lang_of(request.uri(), hosts.lang))
            .into_response(),
        None => next.run(request).await,
    }
}

fn is_cross_site(request: &Request, hosts: &Hosts) -> bool {
    let headers = request.headers();
    let fetch_site = headers
        .get("sec-fetch-site")
        .map(|v| v.to_str().unwrap_or("cross-site"));
    if fetch_site.is_some_and(|site| !matches!(site, "same-origin" | "none")) {
        return true;
    }
    match headers.get(header::ORIGIN) {
        // `Origin: null` (a sandboxed frame, a file:// page, a redirect) is no origin of ours.
        Some(origin) => !origin.to_str().is_ok_and(|o| hosts.is_own_origin(o)),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Hosts, has_port};

    #[test]
    fn hosts_are_the_listening_address_localhost_and_the_allowed_names() {
        let hosts = Hosts::new(
            "127.0.0.1:8080".parse().unwrap(),
            &["Tender.Lan".into()],
            None,
        );
        for host in ["127.0.0.1:8080", "LOCALHOST:8080", "tender.lan:8080"] {
            assert!(hosts.allows(host), "{host}");
        }
        for host in [
            "127.0.0.1",
            "evil.example:8080",
            "127.0.0.1:8081",
            "[::1]:8080",
        ] {
            assert!(!hosts.allows(host), "{host}");
        }
        let v6 = Hosts::new("[::1]:9000".parse().unwrap(), &[], None);
        assert!(v6.allows("[::1]:9000"));
        assert!(has_port("[::1]:1") && !has_port("[::1]") && !has_port("name"));
    }
}
