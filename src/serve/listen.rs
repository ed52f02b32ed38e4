//! Accepting connections, with the limits a page on a desktop needs against a
//! client that never finishes: hyper's header read timeout (which also closes an
//! idle keep-alive connection), tower-http's body timeout between chunks, and a
//! cap on open connections below a desktop's 1,024 open files, so the ones past
//! it wait in the listen backlog instead of starving `/healthz`. The first
//! SIGINT/SIGTERM stops accepting and lets the requests in flight finish; a
//! second one abandons them.

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tower_http::timeout::RequestBodyTimeout;

/// Connections served at once; more wait in the backlog until one closes.
pub const MAX_CONNECTIONS: usize = 128;

/// Longest a request head may take, and longest a kept-alive connection may sit idle.
pub const MAX_HEADER_WAIT: Duration = Duration::from_secs(10);

/// Which signal stopped the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Ctrl-C (SIGINT).
    Interrupt,
    /// SIGTERM (a service manager stopping it).
    Terminate,
}

/// How the server stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// After a signal, once every request in flight was answered.
    Finished,
    /// A second signal came before that: the requests in flight were abandoned.
    Abandoned(Signal),
}

/// The signals that stop the server, installed when the server is built so that
/// a signal sent the moment its URL is printed is not lost.
pub(super) struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    pub(super) fn install() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    async fn next(&mut self) -> Signal {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => Signal::Interrupt,
                _ = self.terminate.recv() => Signal::Terminate,
            }
        }
        #[cfg(not(unix))]
        {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
            Signal::Interrupt
        }
    }
}

/// Per-connection timing.
#[derive(Debug, Clone, Copy)]
pub(super) struct Timeouts {
    /// hyper's header read timeout.
    pub header: Duration,
    /// tower-http's longest pause between two chunks of a body.
    pub body_idle: Duration,
}

/// Serves `app` on `listener` until a signal; see the module comment.
pub(super) async fn serve(
    listener: TcpListener,
    app: Router,
    timeouts: Timeouts,
    mut signals: Signals,
) -> Stopped {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let (closing, closing_seen) = watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&slots).acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            _ = signals.next() => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors or a connection reset before it was
                // taken: wait a moment rather than spin, then go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = signals.next() => break,
        };
        let app = app.clone();
        let closing = closing_seen.clone();
        connections.spawn(async move {
            let _slot = permit;
            connection(stream, app, timeouts, closing).await;
        });
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let _ = closing.send(true);
    let drained = async { while connections.join_next().await.is_some() {} };
    tokio::select! {
        () = drained => Stopped::Finished,
        signal = signals.next() => Stopped::Abandoned(signal),
    }
}

/// One accepted connection (any byte stream: the server never connects out).
async fn connection(
    stream: impl tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    app: Router,
    timeouts: Timeouts,
    mut closing: watch::Receiver<bool>,
) {
    let service = TowerToHyperService::new(RequestBodyTimeout::new(app, timeouts.body_idle));
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(timeouts.header);
    let mut served = pin!(builder.serve_connection(TokioIo::new(stream), service));
    if *closing.borrow() {
        served.as_mut().graceful_shutdown();
    } else {
        tokio::select! {
            _ = served.as_mut() => return,
            _ = closing.changed() => served.as_mut().graceful_shutdown(),
        }
    }
    // A client cut off here sees its connection closed; nothing to report.
    let _ = served.await;
}
