#!/usr/bin/env node
// Loads the TypeScript source through tsx, so nothing needs building first.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
