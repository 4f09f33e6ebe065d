// Preloaded (`node --require`) by processes that run lib/ outside Next.js, such as the
// worker: `server-only` throws unless resolved under the react-server condition, which the
// worker must not use (React Email needs the ordinary React build; decision 017). It is a
// bundling guard and means nothing here, so it resolves to an empty module.
const Module = require("node:module");
const path = require("node:path");

const empty = path.join(__dirname, "server-only-empty.cjs");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "server-only") return empty;
  return resolve.call(this, request, ...rest);
};
