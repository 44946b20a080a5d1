// Preloaded into CLI processes under test (NODE_OPTIONS=--require …): any attempt to reach the
// network — a socket, a DNS lookup, http(s), fetch — aborts the process with exit code 97, so a
// test that runs the CLI proves that nothing leaves the machine.
"use strict";
const net = require("node:net");
const dns = require("node:dns");
const http = require("node:http");
const https = require("node:https");

function refuse(what) {
  return function refused() {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    process.exit(97);
  };
}

net.Socket.prototype.connect = refuse("net.Socket.connect");
net.connect = refuse("net.connect");
net.createConnection = refuse("net.createConnection");
dns.lookup = refuse("dns.lookup");
dns.resolve = refuse("dns.resolve");
http.request = refuse("http.request");
http.get = refuse("http.get");
https.request = refuse("https.request");
https.get = refuse("https.get");
globalThis.fetch = refuse("fetch");
