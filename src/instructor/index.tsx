/**
 * The instructor page: regrades many submissions at once in a Web Worker
 * and shows one row per submission. Opened as
 * `chrome.runtime.getURL('instructor.html')`.
 *
 * Build entries (scripts/build.mjs), by output file name:
 *   instructor.js          src/instructor/index.tsx   esm, loaded by instructor.html
 *   instructor-worker.js   src/instructor/worker.ts   iife, a classic Web Worker
 *   instructor-grader.js   src/instructor/grader.ts   iife, the grading workers it starts
 * Static files: src/instructor/instructor.html and src/instructor/instructor.css.
 */
import { render } from 'preact';
import { App } from './App.tsx';

// `?graders=N` sets the number of grading workers; 0 grades in the regrade worker itself.
const graders = new URLSearchParams(location.search).get('graders');
const workerUrl = graders && /^\d+$/.test(graders) ? `instructor-worker.js?graders=${graders}` : 'instructor-worker.js';

const root = document.getElementById('app');
if (root) render(<App workerUrl={workerUrl} />, root);
