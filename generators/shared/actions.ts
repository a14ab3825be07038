/**
 * The GitHub Actions the generated workflows use, each pinned to a full 40-hex commit SHA with
 * the release tag it resolves to (OpenSSF Scorecard Pinned-Dependencies; SECURITY-CONTROLS J.43).
 * A tag can be moved by whoever controls the action's repository; a commit cannot. The generated
 * project's Dependabot (`github-actions` ecosystem) bumps SHA and comment together afterwards.
 *
 * Templates write `uses: <uses>@<sha> # <version>`. To update a pin, take the SHA from a
 * Dependabot PR of a trusted repository or `git ls-remote --tags`, and use the commit the tag
 * points to (the peeled `^{}` line for an annotated tag), never the tag object's SHA.
 *
 * Where each pin was found (two sources at least, one of them a Dependabot commit whose compare
 * link names both SHAs):
 * - checkout v6.0.3: nodejs/node .github/workflows/codeql.yml; Dependabot PR docker/github-builder#226
 *   (compare de0fac2e…(v6.0.2)...df4cb1c0…).
 * - setup-node v6.4.0: Dependabot "from 6.3.0 to 6.4.0" commit messages (compare 53b83947...48b55a01),
 *   three independent repositories.
 * - codeql-action v4.36.2: nodejs/node .github/workflows/codeql.yml; Dependabot "from 4.36.1 to 4.36.2"
 *   (compare 87557b9c...8aad20d1).
 * - dependency-review-action v5.0.0: Dependabot PRs nullhack/temple8#149, leplusorg/docker-xml#416,
 *   wuan/bo-python#193 (compare 2031cfc0…(v4.9.0)...a1d282b3…).
 * - upload-artifact v7.0.1: Dependabot PRs pyca/pyopenssl#1492, apache/ws-wss4j#605 (compare
 *   bbbca2d...043fb46, "Merge pull request #797"), and full-SHA pins labelled v7.0.1.
 */

export interface PinnedAction {
  /** `owner/repo` or `owner/repo/path` as written before the `@`. */
  readonly uses: string;
  /** Full commit SHA the release tag points to. */
  readonly sha: string;
  /** The release tag, written as the trailing `# vX.Y.Z` comment. */
  readonly version: string;
}

export const actions = {
  checkout: {
    uses: 'actions/checkout',
    sha: 'df4cb1c069e1874edd31b4311f1884172cec0e10',
    version: 'v6.0.3',
  },
  setupNode: {
    uses: 'actions/setup-node',
    sha: '48b55a011bda9f5d6aeb4c2d9c7362e8dae4041e',
    version: 'v6.4.0',
  },
  codeqlInit: {
    uses: 'github/codeql-action/init',
    sha: '8aad20d150bbac5944a9f9d289da16a4b0d87c1e',
    version: 'v4.36.2',
  },
  codeqlAnalyze: {
    uses: 'github/codeql-action/analyze',
    sha: '8aad20d150bbac5944a9f9d289da16a4b0d87c1e',
    version: 'v4.36.2',
  },
  dependencyReview: {
    uses: 'actions/dependency-review-action',
    sha: 'a1d282b36b6f3519aa1f3fc636f609c47dddb294',
    version: 'v5.0.0',
  },
  uploadArtifact: {
    uses: 'actions/upload-artifact',
    sha: '043fb46d1a93c77aae656e7c1c64a875d1fc6a0a',
    version: 'v7.0.1',
  },
} as const satisfies Record<string, PinnedAction>;

export type ActionName = keyof typeof actions;
