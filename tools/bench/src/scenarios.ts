import { contractOperation } from '@ideagora/testing';
import { print } from 'graphql';

/**
 * The operations the benchmark sends (the partner contract's own where it has them). Variables vary per request (a random id, page, solver or search term), so
 * no cache in the path can answer from a previous identical request.
 */

/**
 * F1, the floor: the smallest signed-in query, one fetch to one subgraph and one indexed row. What it costs is the
 * fixed price of a request and of a gateway hop, which every scenario pays once per fetch in its query plan.
 */
export const VIEWER_FLOOR = `query ViewerFloor { viewer { id displayName } }`;

/** Q1: the browse page in one request, as a signed-in solver, every field: all four subgraphs take part. */
export const BROWSE_FULL = `query BrowseChallengesFull($first: Int, $after: String, $filter: ChallengeFilter) {
  viewer { id displayName }
  challenges(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        id title summary description type status visibility currency submissionDeadline createdAt publishedAt
        totalPrize { amountMinor currency }
        organization { id name }
        prizes { rank label amount { amountMinor currency } award { id prizeRank awardedAt payouts { status amount { amountMinor currency } } } }
        funding { status }
        submissionCount
        viewerSubmissions { id status version }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * Q1-key / Q1-token: the browse page as an integration reads it (no `viewer`: a key is not a person), sent with an
 * organization's API key (Q1-key) or a person's session token (Q1-token), to show what the key costs (issue 16).
 */
export const BROWSE_PARTNER = BROWSE_FULL.replace('query BrowseChallengesFull(', 'query BrowseChallengesPartner(').replace('  viewer { id displayName }\n', '');
if (BROWSE_PARTNER.includes('viewer {')) throw new Error('BROWSE_PARTNER still asks for the viewer');

/** Q1 sent straight to the challenges subgraph: its own part of the same page. */
export const BROWSE_DIRECT_CHALLENGES = `query BrowseChallengesDirect($first: Int, $after: String, $filter: ChallengeFilter) {
  challenges(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        id title summary description type status visibility currency submissionDeadline createdAt publishedAt
        totalPrize { amountMinor currency }
        organization { id name }
        prizes { challengeId rank label amount { amountMinor currency } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Q2: the judging page of the big contest (contract's ChallengeSubmissions), as its owner. */
export const CHALLENGE_SUBMISSIONS = print(contractOperation('ChallengeSubmissions'));

/** Q2 sent straight to the submissions subgraph, as the gateway's first fetch to it would be. */
export const CHALLENGE_SUBMISSIONS_DIRECT = `query ChallengeSubmissionsDirect($representations: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $representations) {
    ... on Challenge {
      submissions(first: $first, after: $after) {
        edges { node { id title body version submittedAt author { id } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

/** Q3: the contract's ChallengeDetail. */
export const CHALLENGE_DETAIL = print(contractOperation('ChallengeDetail'));

export const CHALLENGE_DETAIL_DIRECT = `query ChallengeDetailDirect($id: ID!) {
  challenge(id: $id) {
    id title summary description type status visibility submissionDeadline
    organization { id name }
    totalPrize { amountMinor currency }
    prizes { challengeId rank label amount { amountMinor currency } }
  }
}`;

/** Q4: the contract's JudgingBoard (round, judges and their progress, Kendall's W, one page of the ranking). */
export const JUDGING_BOARD = print(contractOperation('JudgingBoard'));

/** Q6: the contract's Leaderboard (public profiles by reputation, one page; half the requests filtered by a skill). */
export const LEADERBOARD = print(contractOperation('Leaderboard'));

/** Q7: the contract's RecommendedChallenges (the viewer's skills against the open challenges' texts). */
export const RECOMMENDED_CHALLENGES = print(contractOperation('RecommendedChallenges'));

/** M1: the contract's SubmitSolution. */
export const SUBMIT_SOLUTION = print(contractOperation('SubmitSolution'));

/** M2: the contract's AwardPrize. */
export const AWARD_PRIZE = print(contractOperation('AwardPrize'));

/** M3: the contract's AwardPrizes (up to 10,000 awards in one call). */
export const AWARD_PRIZES = print(contractOperation('AwardPrizes'));

/** F2: the contract's CreateAttachmentUpload (then a PUT of the bytes to its uploadUrl). */
export const CREATE_ATTACHMENT_UPLOAD = print(contractOperation('CreateAttachmentUpload'));

/** F2: the contract's SubmitSolutionWithFiles (each file's downloadUrl comes back with the submission). */
export const SUBMIT_SOLUTION_WITH_FILES = print(contractOperation('SubmitSolutionWithFiles'));

/**
 * Q5: the contract's ChallengeGallery (settings, voting, one page of entries with author, votes and previews), with
 * the gallery's `orderBy` as a variable (the contract's operation takes the default order only).
 */
export const CHALLENGE_GALLERY = `query ChallengeGallery($challengeId: ID!, $first: Int, $after: String, $orderBy: GalleryOrder) {
  challenge(id: $challengeId) {
    id submissionVisibility voting { startsAt endsAt isOpen viewerVotesLeft }
    gallery(first: $first, after: $after, orderBy: $orderBy) {
      edges { node { id title author { id displayName } voteCount attachments { id previewUrl } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
