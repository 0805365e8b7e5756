// `node --import ./register.mjs out/main/index.js`: every import of "electron" gets the stand-in instead.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
