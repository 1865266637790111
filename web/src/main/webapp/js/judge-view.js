// How judge values look on the page: difficulty and verdict badges, readable verdict names, templates.
import { el } from './dom.js';

export function difficultyBadge(difficulty) {
  const known = ['easy', 'medium', 'hard'].includes(difficulty) ? difficulty : 'neutral';
  return el('span', { class: 'badge ' + known, dataset: { testid: 'difficulty' } }, difficulty || 'unrated');
}

const VERDICT_NAMES = {
  ACCEPTED: 'Accepted',
  WRONG_ANSWER: 'Wrong answer',
  TIME_LIMIT_EXCEEDED: 'Time limit exceeded',
  MEMORY_LIMIT_EXCEEDED: 'Memory limit exceeded',
  OUTPUT_LIMIT_EXCEEDED: 'Output limit exceeded',
  RUNTIME_ERROR: 'Runtime error',
  COMPILATION_ERROR: 'Compilation error',
  INTERNAL_ERROR: 'Internal error',
};

export function verdictName(verdict) {
  return VERDICT_NAMES[verdict] || verdict || '';
}

export function verdictBadge(verdict, attributes = {}) {
  const tone = verdict === 'ACCEPTED' ? 'ok' : verdict === 'INTERNAL_ERROR' ? 'neutral' : 'bad';
  return el('span', { class: 'badge ' + tone, ...attributes }, verdictName(verdict));
}

export function statusBadge(status, verdict, attributes = {}) {
  if (status === 'DONE') {
    return verdictBadge(verdict, attributes);
  }
  return el('span', { class: 'badge warn', ...attributes }, status === 'RUNNING' ? 'Running' : 'Queued');
}

export function formatMemory(kb) {
  return kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb} KB`;
}

export const LANGUAGE_NAMES = {
  python: 'Python 3',
  java: 'Java',
  cpp: 'C++',
  javascript: 'JavaScript (Node.js)',
};

/** A starting program per language: reads all of stdin, ready to be filled in. */
export const TEMPLATES = {
  python: `import sys


def main():
    data = sys.stdin.read().split()
    # Solve the problem here and print the answer.


main()
`,
  java: `import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringBuilder out = new StringBuilder();
        // Solve the problem here and append the answer to out.
        System.out.print(out);
    }
}
`,
  cpp: `#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    // Solve the problem here and print the answer.
    return 0;
}
`,
  javascript: `const data = require('fs').readFileSync(0, 'utf8').split(/\\s+/).filter(Boolean);
// Solve the problem here and print the answer.
`,
};
