/**
 * The instructor page: regrades many submissions at once in a Web Worker
 * and shows one row per submission. Opened as
 * `chrome.runtime.getURL('instructor.html')`.
 *
 * Build entries (scripts/build.mjs), by output file name:
 *   instructor.js          src/instructor/index.tsx   esm, loaded by instructor.html
 *   instructor-worker.js   src/instructor/worker.ts   iife, a classic Web Worker
 * Static files: src/instructor/instructor.html and src/instructor/instructor.css.
 */
import { render } from 'preact';
import { App } from './App.tsx';

const root = document.getElementById('app');
if (root) render(<App workerUrl="instructor-worker.js" />, root);
