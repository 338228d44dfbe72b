/* Dealboard playground bridge: stands in for Apps Script's client API inside the sidebar and
 * dialogs. Injected as the first script of their <head>. google.script.run POSTs {fn, args}
 * to /api/run and applies the same payload rules as Apps Script before sending. */
(function () {
  'use strict';
  var CARRIED = 'google.script.run only carries numbers, booleans, strings, null, and plain objects and arrays of those';

  function notifyParent(message) {
    try {
      if (window.parent && window.parent !== window) window.parent.postMessage(message, window.location.origin);
    } catch (e) { /* no parent */ }
  }

  function describe(v) {
    if (typeof v === 'function') return 'a function';
    if (typeof v === 'bigint') return 'a BigInt';
    if (typeof v === 'symbol') return 'a Symbol';
    var tag = Object.prototype.toString.call(v).slice(8, -1);
    if (tag === 'Date') return 'a Date';
    if (tag === 'Error') return 'an Error';
    if (typeof Node !== 'undefined' && v instanceof Node) return 'a DOM node';
    if (tag === 'Map' || tag === 'Set' || tag === 'RegExp') return 'a ' + tag;
    var proto = Object.getPrototypeOf(v);
    var ctor = proto && proto.constructor && proto.constructor.name;
    return ctor ? 'an instance of ' + ctor : 'an object that is not plain';
  }

  function isPlainObject(v) {
    var proto = Object.getPrototypeOf(v);
    if (proto === null) return true;
    if (Object.getPrototypeOf(proto) !== null) return false;
    return Object.prototype.toString.call(v) === '[object Object]';
  }

  /** Where the first value google.script.run cannot carry sits, or null. */
  function findIllegal(v, path, seen) {
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return null;
    if (typeof v !== 'object') return describe(v) + ' at ' + path;
    if (seen.indexOf(v) >= 0) return 'a circular reference at ' + path;
    seen.push(v);
    try {
      if (Array.isArray(v)) {
        for (var i = 0; i < v.length; i++) {
          var p = findIllegal(v[i], path + '[' + i + ']', seen);
          if (p) return p;
        }
        return null;
      }
      if (!isPlainObject(v)) return describe(v) + ' at ' + path;
      var keys = Object.keys(v);
      for (var k = 0; k < keys.length; k++) {
        var key = keys[k];
        var sub = /^[A-Za-z_$][\w$]*$/.test(key) ? path + '.' + key : path + '[' + JSON.stringify(key) + ']';
        var q = findIllegal(v[key], sub, seen);
        if (q) return q;
      }
      return null;
    } finally {
      seen.pop();
    }
  }

  function makeError(name, message) {
    var e = new Error(message);
    if (name && name !== 'Error') e.name = name;
    return e;
  }

  function later(fn) { Promise.resolve().then(fn); }

  // The sidebar's staleness look runs on every focus and every few minutes and writes nothing:
  // the page need not reload its grid after it.
  var CHANGES_NOTHING = { api_boardStamp: 1 };
  function changedBy(fn) {
    if (!CHANGES_NOTHING[fn]) notifyParent({ type: 'dealboard:changed', fn: fn });
  }

  function deliver(handler, value, userObject, fallback) {
    if (typeof handler === 'function') handler(value, userObject);
    else if (fallback) fallback(value);
  }

  function call(opts, fn, rawArgs) {
    var args = Array.prototype.slice.call(rawArgs).map(function (a) { return a === undefined ? null : a; });
    var fail = function (err) {
      deliver(opts.failure, err, opts.userObject, function (e) { console.error('google.script.run.' + fn + ' failed:', e); });
    };
    var problem = findIllegal(args, 'arguments', []);
    if (problem) {
      later(function () {
        fail(makeError('Error', 'Failed due to illegal value in the arguments of ' + fn + ': ' + problem + '; ' + CARRIED + '.'));
      });
      return;
    }
    var body;
    try {
      body = JSON.stringify({ fn: fn, args: args });
    } catch (e) {
      later(function () { fail(makeError('Error', 'Failed to send the arguments of ' + fn + ': ' + e.message)); });
      return;
    }
    fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
      .then(function (res) {
        return res.text().then(function (text) {
          var data = null;
          try { data = JSON.parse(text); } catch (e) { /* not JSON */ }
          if (!data) throw makeError('NetworkError', 'The playground server answered ' + res.status + ' ' + res.statusText);
          return data;
        });
      }, function () {
        throw makeError('NetworkError', 'NetworkError: Connection failure due to HTTP 0');
      })
      .then(function (data) {
        changedBy(fn);
        if (data.ok) deliver(opts.success, data.value, opts.userObject);
        else fail(makeError(data.error && data.error.name, (data.error && data.error.message) || 'Unknown error'));
      }, function (err) {
        changedBy(fn);
        fail(err);
      });
  }

  var RESERVED = { withSuccessHandler: 1, withFailureHandler: 1, withUserObject: 1 };

  function runner(opts) {
    var base = {
      withSuccessHandler: function (h) { return runner({ success: h, failure: opts.failure, userObject: opts.userObject }); },
      withFailureHandler: function (h) { return runner({ success: opts.success, failure: h, userObject: opts.userObject }); },
      withUserObject: function (o) { return runner({ success: opts.success, failure: opts.failure, userObject: o }); },
    };
    return new Proxy(base, {
      get: function (target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (RESERVED[prop]) return target[prop];
        if (prop === 'then' || prop === 'toJSON') return undefined;
        return function () { call(opts, prop, arguments); };
      },
      has: function () { return true; },
    });
  }

  var host = {
    origin: window.location.origin,
    close: function () { notifyParent({ type: 'dealboard:close' }); },
    setHeight: function (h) { notifyParent({ type: 'dealboard:resize', height: Number(h) }); },
    setWidth: function (w) { notifyParent({ type: 'dealboard:resize', width: Number(w) }); },
    editor: { focus: function () { /* the grid keeps its own focus */ } },
  };

  var url = {
    getLocation: function (callback) {
      later(function () { callback({ hash: '', parameter: {}, parameters: {} }); });
    },
  };

  window.google = window.google || {};
  window.google.script = { run: runner({}), host: host, url: url, history: { push: function () {}, replace: function () {}, setChangeHandler: function () {} } };
})();
