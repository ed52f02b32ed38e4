//! `tenderlint serve`: the binary's side of the web page. It resolves the settings
//! as `check` does (`settings::serve`), binds the address, prints the URL and, with
//! `--open`, starts the browser; the server itself is the library's `tenderlint::serve`. The only place
//! the binary listens on a socket or starts another program.

use super::args::ServeArgs;
use super::settings::{self, Environment};
use super::{ERROR, OK};
use std::io::Write;
use tenderlint::serve::{Signal, Stopped};

pub(crate) fn run(args: &ServeArgs) -> u8 {
    let settings::ServeSettings {
        resolved: settings,
        lang,
    } = match settings::serve(args, &Environment::read()) {
        Ok(s) => s,
        Err(problem) => {
            problem.print();
            return ERROR;
        }
    };
    let config_path = settings.config.as_ref().map(|c| c.path.clone());
    let address = std::net::SocketAddr::new(args.addr, args.port);
    let listener = match std::net::TcpListener::bind(address) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {address}: {e}");
            return ERROR;
        }
    };
    let url = match listener.local_addr() {
        Ok(a) if a.ip().is_unspecified() => format!("http://localhost:{}/", a.port()),
        Ok(a) => format!("http://{a}/"),
        Err(e) => {
            eprintln!("error: cannot listen on {address}: {e}");
            return ERROR;
        }
    };
    let mut options = tenderlint::serve::ServeOptions::new(settings);
    options.lang = lang;
    options.max_upload = args.max_upload.saturating_mul(1024 * 1024);
    options.time_limit = std::time::Duration::from_secs(args.time_limit.max(1));
    options.read_timeout = std::time::Duration::from_secs(args.read_timeout.max(1));
    if let Some(n) = args.uploads_at_once {
        options.uploads_at_once = n.max(1);
    }
    options.allowed_hosts.clone_from(&args.allowed_hosts);
    let server = match tenderlint::serve::Server::new(listener, options) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return ERROR;
        }
    };
    if !args.addr.is_loopback() {
        eprintln!(
            "warning: listening on {address}: the page has no login, so everyone who can reach \
             this machine can check files with it and read the results (it answers only \
             requests addressed to localhost or a name given with --allowed-host)"
        );
    }
    if let Some(path) = &config_path {
        eprintln!("using {}", path.display());
    }
    println!("tenderlint serve: {url}  (Ctrl-C stops it)");
    let _ = std::io::stdout().flush();
    if args.open {
        open_browser(&url);
    }
    match server.run() {
        Ok(Stopped::Finished) => OK,
        // A second signal: the shell's codes for death by that signal.
        Ok(Stopped::Abandoned(Signal::Interrupt)) => 130,
        Ok(Stopped::Abandoned(Signal::Terminate)) => 143,
        Err(e) => {
            eprintln!("error: the server stopped: {e}");
            ERROR
        }
    }
}

/// Opens `url` in the default browser; when that fails the URL printed above still works.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let opened = command
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = opened {
        eprintln!("note: cannot open a browser ({e}); open {url} yourself");
    }
}
