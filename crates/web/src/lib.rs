//! The local web mode: `sourcetrace serve` serves the desktop UI and the
//! same commands over HTTP, for browser tests and for a newsroom that wants
//! to share one library.
//!
//! `POST /api/<command>` with a JSON body runs [`sourcetrace_desk::commands::call`],
//! exactly what the window's `invoke` runs, and answers with its JSON result
//! or `{code, message}`. Everything else is a file of the built UI.
//!
//! Safety, because a page on any site can send requests to 127.0.0.1:
//! - it binds to 127.0.0.1 unless told otherwise, and then only with a
//!   token (sent as `Authorization: Bearer`, or set as a cookie by opening
//!   `/?token=...` once);
//! - the `Host` header must name this server, which defeats DNS rebinding;
//! - commands need `Content-Type: application/json` and, when the browser
//!   sends an `Origin`, this server's own origin, so another site's form or
//!   script cannot call them;
//! - importing paths on the server's disk is refused unless the server only
//!   listens on this machine;
//! - every response carries the same strict content security policy as the
//!   window.
//!
//! ```no_run
//! use sourcetrace_web::{ServeOptions, Server};
//! let desk = sourcetrace_desk::Desk::open("library.sqlite".as_ref()).unwrap();
//! let server = Server::bind(desk, ServeOptions::local(8787, "ui/dist".into())).unwrap();
//! println!("http://{}", server.local_addr());
//! server.run();
//! ```

use sourcetrace_api::{ApiError, ErrorCode};
use sourcetrace_desk::{commands, Desk};
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// The content security policy of every page: nothing is loaded or run
/// that the app did not ship, and imported text can never become markup
/// that runs.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; \
                       connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The largest request body accepted: uploads arrive base64-encoded in
/// one request, and a folder of articles is rarely larger.
pub const MAX_BODY: u64 = 256 << 20;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub addr: SocketAddr,
    /// The built UI (`ui/dist`).
    pub ui: PathBuf,
    /// Required when `addr` is not a loopback address.
    pub token: Option<String>,
    /// Worker threads answering requests.
    pub workers: usize,
}

impl ServeOptions {
    /// 127.0.0.1 on `port` (0 picks a free one), no token.
    pub fn local(port: u16, ui: PathBuf) -> ServeOptions {
        ServeOptions { addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port), ui, token: None, workers: 4 }
    }
}

/// A bound server, ready to run.
pub struct Server {
    http: Arc<tiny_http::Server>,
    desk: Arc<Desk>,
    options: ServeOptions,
    addr: SocketAddr,
}

impl Server {
    /// Binds the address. Listening beyond this machine without a token is
    /// refused: anyone on the network could read and change the library.
    pub fn bind(desk: Desk, options: ServeOptions) -> Result<Server, ApiError> {
        if !options.addr.ip().is_loopback() && options.token.as_deref().is_none_or(str::is_empty) {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "listening on {} would let anyone on the network use the library; give a --token, or listen on 127.0.0.1",
                    options.addr
                ),
            ));
        }
        if !options.ui.join("index.html").is_file() {
            return Err(ApiError::new(
                ErrorCode::Io,
                format!("the UI is not built in {} (run `npm run build` first)", options.ui.display()),
            ));
        }
        let http = tiny_http::Server::http(options.addr)
            .map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot listen on {}: {e}", options.addr)))?;
        let addr = http.server_addr().to_ip().unwrap_or(options.addr);
        Ok(Server { http: Arc::new(http), desk: Arc::new(desk), options, addr })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Answers requests until the process ends.
    pub fn run(self) {
        let workers: Vec<_> = (0..self.options.workers.max(1))
            .map(|_| {
                let http = Arc::clone(&self.http);
                let desk = Arc::clone(&self.desk);
                let options = self.options.clone();
                let addr = self.addr;
                std::thread::spawn(move || {
                    for request in http.incoming_requests() {
                        answer(&desk, &options, addr, request);
                    }
                })
            })
            .collect();
        for worker in workers {
            let _ = worker.join();
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values are ASCII")
}

fn header_value<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str())
}

/// Headers every response carries.
fn secured<R: Read>(response: Response<R>) -> Response<R> {
    response
        .with_header(header("Content-Security-Policy", CSP))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
        .with_header(header("X-Frame-Options", "DENY"))
}

fn json_response(status: u16, body: &serde_json::Value) -> Response<std::io::Cursor<Vec<u8>>> {
    secured(
        Response::from_data(serde_json::to_vec(body).unwrap_or_default())
            .with_status_code(StatusCode(status))
            .with_header(header("Content-Type", "application/json"))
            .with_header(header("Cache-Control", "no-store")),
    )
}

fn error_response(error: &ApiError) -> Response<std::io::Cursor<Vec<u8>>> {
    let status = match error.code {
        ErrorCode::NotFound => 404,
        ErrorCode::BadQuery | ErrorCode::InvalidInput => 400,
        ErrorCode::Cancelled => 409,
        ErrorCode::NewerLibrary | ErrorCode::Library | ErrorCode::Io => 500,
    };
    json_response(status, &serde_json::json!({ "code": error.code, "message": error.message }))
}

fn refuse(status: u16, message: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    json_response(status, &serde_json::json!({ "code": "invalid_input", "message": message }))
}

fn answer(desk: &Desk, options: &ServeOptions, addr: SocketAddr, mut request: Request) {
    let response = route(desk, options, addr, &mut request);
    // The client may have gone away; there is no one left to tell.
    let _ = request.respond(response);
}

fn route(
    desk: &Desk,
    options: &ServeOptions,
    addr: SocketAddr,
    request: &mut Request,
) -> Response<std::io::Cursor<Vec<u8>>> {
    if !host_is_this_server(header_value(request, "Host"), addr) {
        return refuse(421, "this server answers only to its own address");
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((url.as_str(), ""));

    if let Some(token) = options.token.as_deref() {
        let given = query_param(query, "token");
        if request.method() == &Method::Get && path == "/" && given.as_deref() == Some(token) {
            // Opening the link with the token once sets a cookie, so the
            // token does not stay in the address bar or the history.
            return secured(
                Response::from_data(Vec::new())
                    .with_status_code(StatusCode(303))
                    .with_header(header("Location", "/"))
                    .with_header(header(
                        "Set-Cookie",
                        &format!("sourcetrace_token={token}; Path=/; HttpOnly; SameSite=Strict"),
                    )),
            );
        }
        if !has_token(request, token) {
            return refuse(401, "this library needs its token: open the link `sourcetrace serve` printed");
        }
    }

    if let Some(command) = path.strip_prefix("/api/") {
        if request.method() != &Method::Post {
            return refuse(405, "commands are called with POST");
        }
        return call(desk, options, addr, command, request);
    }
    if request.method() != &Method::Get && request.method() != &Method::Head {
        return refuse(405, "only GET for pages");
    }
    static_file(&options.ui, path)
}

fn call(
    desk: &Desk,
    options: &ServeOptions,
    addr: SocketAddr,
    command: &str,
    request: &mut Request,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let is_json = header_value(request, "Content-Type")
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")));
    if !is_json {
        return refuse(415, "send commands as application/json");
    }
    if let Some(origin) = header_value(request, "Origin") {
        if !origin_is_this_server(origin, addr) {
            return refuse(403, "commands are accepted only from this server's own pages");
        }
    }
    if command == "import_paths" && !options.addr.ip().is_loopback() {
        return refuse(403, "importing files from the server's disk is only allowed when it listens on 127.0.0.1");
    }
    if request.body_length().is_some_and(|n| n as u64 > MAX_BODY) {
        return refuse(413, "the request is larger than 256 MiB; import large folders from the desktop app or the CLI");
    }
    let mut body = Vec::new();
    if let Err(e) = request.as_reader().take(MAX_BODY + 1).read_to_end(&mut body) {
        return refuse(400, &format!("the request could not be read: {e}"));
    }
    if body.len() as u64 > MAX_BODY {
        return refuse(413, "the request is larger than 256 MiB");
    }
    let args = if body.iter().all(u8::is_ascii_whitespace) {
        serde_json::Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(args) => args,
            Err(e) => return refuse(400, &format!("the request is not JSON: {e}")),
        }
    };
    match commands::call(desk, command, args) {
        Ok(result) => json_response(200, &result),
        Err(error) => error_response(&error),
    }
}

/// A file of the built UI. Paths that climb out of the folder are not
/// found, whatever they contain.
fn static_file(ui: &Path, path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let relative = if path == "/" { "index.html" } else { path.trim_start_matches('/') };
    let relative = Path::new(relative);
    let safe = relative.components().all(|c| matches!(c, Component::Normal(_)));
    let file = ui.join(relative);
    match (safe, std::fs::read(&file)) {
        (true, Ok(bytes)) => secured(
            Response::from_data(bytes)
                .with_header(header("Content-Type", content_type(&file)))
                .with_header(header("Cache-Control", "no-cache")),
        ),
        _ => refuse(404, "there is no such page"),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" => "application/json",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Whether a `Host` header names this server: its own IP and port, or
/// `localhost` with its port when it listens on loopback.
fn host_is_this_server(host: Option<&str>, addr: SocketAddr) -> bool {
    let Some(host) = host else { return false };
    let port = addr.port().to_string();
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, p)) if !name.is_empty() && !p.contains(']') => (name, p),
        _ => return false,
    };
    if given_port != port {
        return false;
    }
    let name = name.trim_start_matches('[').trim_end_matches(']');
    if addr.ip().is_loopback() {
        name == "localhost" || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
    } else if addr.ip().is_unspecified() {
        // Listening on every interface: any address of this machine may be
        // used, but a DNS name could be a rebinding attack.
        name.parse::<IpAddr>().is_ok()
    } else {
        name.parse::<IpAddr>().is_ok_and(|ip| ip == addr.ip())
    }
}

fn origin_is_this_server(origin: &str, addr: SocketAddr) -> bool {
    origin.strip_prefix("http://").is_some_and(|host| host_is_this_server(Some(host), addr))
}

fn has_token(request: &Request, token: &str) -> bool {
    let bearer = header_value(request, "Authorization").and_then(|v| v.strip_prefix("Bearer "));
    let cookie = header_value(request, "Cookie").and_then(|cookies| {
        cookies.split(';').find_map(|c| c.trim().strip_prefix("sourcetrace_token=").map(str::to_string))
    });
    constant_time_eq(bearer.unwrap_or(""), token) || constant_time_eq(cookie.as_deref().unwrap_or(""), token)
}

/// Compares without stopping at the first difference, so the time taken
/// does not tell a guesser how much of the token was right.
fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('=').map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_must_name_this_server() {
        let local: SocketAddr = "127.0.0.1:8787".parse().unwrap();
        assert!(host_is_this_server(Some("127.0.0.1:8787"), local));
        assert!(host_is_this_server(Some("localhost:8787"), local));
        assert!(host_is_this_server(Some("[::1]:8787"), local));
        assert!(!host_is_this_server(Some("evil.example:8787"), local));
        assert!(!host_is_this_server(Some("127.0.0.1:9999"), local));
        assert!(!host_is_this_server(Some("127.0.0.1"), local));
        assert!(!host_is_this_server(None, local));
        let everywhere: SocketAddr = "0.0.0.0:8787".parse().unwrap();
        assert!(host_is_this_server(Some("192.168.1.20:8787"), everywhere));
        assert!(!host_is_this_server(Some("rebind.example:8787"), everywhere));
    }

    #[test]
    fn origins_must_be_this_server() {
        let local: SocketAddr = "127.0.0.1:8787".parse().unwrap();
        assert!(origin_is_this_server("http://127.0.0.1:8787", local));
        assert!(!origin_is_this_server("https://evil.example", local));
        assert!(!origin_is_this_server("null", local));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("ab", "abc"));
        assert_eq!(query_param("a=1&token=xyz", "token").as_deref(), Some("xyz"));
        assert_eq!(query_param("tokens=1", "token"), None);
    }

    #[test]
    fn listening_on_the_network_needs_a_token() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<!doctype html>").unwrap();
        let desk = Desk::open(&dir.path().join("library.sqlite")).unwrap();
        let options = ServeOptions { addr: "0.0.0.0:0".parse().unwrap(), ..ServeOptions::local(0, dir.path().into()) };
        let error = Server::bind(desk, options).err().expect("refused");
        assert!(error.message.contains("--token"), "{}", error.message);
    }
}
