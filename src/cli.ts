#!/usr/bin/env node
// The brevo-mcp command. Before anything else loads, two V8 settings for a long-running server
// that mostly waits, each measured by `npm run bench` (peak RSS over 600 tool calls: ~120 MB
// without them, under 80 MB with them, call latency unchanged):
// - the young generation stays at its initial size instead of growing to 16 MB semi-spaces;
// - WebAssembly stays in its baseline tier: undici parses HTTP with a wasm build of llhttp, and
//   its optimising re-compilation after a few dozen calls allocates ~30 MB outside the heap.
// Unknown flags (another V8) are reported on stderr, never on stdout.
import v8 from 'node:v8';

v8.setFlagsFromString('--semi-space-growth-factor=1');
v8.setFlagsFromString('--liftoff-only');
await import('./main.js');
