#!/usr/bin/env node
// A tiny static file server for the example page (Node built-ins only): serves this folder,
// and `/pkg/` from the browser build of the npm package (`bindings-wasm/pkg/web/`, made by
// `scripts/test-wasm.sh --build-only`). Static files only: every analysis runs in the browser.
//
//   node examples/web/serve.mjs [--port 8080] [--host 127.0.0.1] [--pkg DIR]
//
// The page works from any static host: copy this folder and `bindings-wasm/pkg/web/` as its
// `pkg/` subfolder, and serve `.wasm` as `application/wasm`.

import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const DEFAULT_PKG = resolve(HERE, "../../bindings-wasm/pkg/web");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
};

/** The file a URL path names under `root`, or null when it would leave the root. */
function inside(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : null;
}

/**
 * Starts the server; resolves to `{ server, url, close() }` once it listens.
 * @param {{ port?: number, host?: string, pkg?: string, quiet?: boolean }} options
 */
export function serve({ port = 8080, host = "127.0.0.1", pkg = DEFAULT_PKG, quiet = false } = {}) {
  const site = resolve(HERE);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let path = url.pathname.startsWith("/pkg/") ? inside(resolve(pkg), url.pathname.slice(4)) : inside(site, url.pathname);
    if (path && existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!path || !existsSync(path)) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`not found: ${url.pathname}\n`);
      if (!quiet) console.log(`404 ${url.pathname}`);
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
      "Content-Length": statSync(path).size,
      "Cache-Control": "no-cache",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(path).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const url = `http://${host}:${actual}/`;
      if (!quiet) console.log(`serving ${site} (and /pkg/ from ${pkg}) at ${url}`);
      ok({ server, url, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
  };
  const pkg = resolve(arg("pkg", DEFAULT_PKG));
  if (!existsSync(join(pkg, "clusterpolicy.js"))) {
    console.error(`${pkg}/clusterpolicy.js not found: run scripts/test-wasm.sh --build-only first`);
    process.exit(1);
  }
  await serve({ port: Number(arg("port", "8080")), host: arg("host", "127.0.0.1"), pkg });
}
