// Node --import entry: registers the hook that reports each module the process loads (test/startup.test.ts).
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
