// The one loose type in the tests: a JSON answer read by a test that asserts its shape as it goes.
// A wrong guess about the shape fails the test's own assertion, which is what the test is for.
// biome-ignore lint/suspicious/noExplicitAny: JSON read by tests; the assertions are the type check.
export type Json = any;
