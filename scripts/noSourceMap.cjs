// Stands in for the `source-map` package in dist/Code.js (scripts/build.mjs aliases it here).
// Handlebars' compiler requires it only to build source maps of compiled templates, which the
// add-on never asks for; without it Handlebars uses its own small SourceNode (code-gen.js, the
// path its browser build takes). 65 KB less for Apps Script to parse on every execution (issue 26).
module.exports = {};
