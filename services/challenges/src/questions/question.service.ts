import { findForRead, mapRowForRead, NIL_UUID, pgArray } from '@ideagora/db';
import { recordEvent } from '@ideagora/events';
import { BadUserInputError, decodeCursor, encodeCursor, isUuid, requiredId } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { isPublic } from '../challenges/challenge.domain';
import { ChallengeEntity } from '../challenges/challenge.entity';
import { ChallengeNotFoundError } from '../challenges/challenge.errors';
import { INVITED_CHALLENGE_IDS } from '../challenges/challenge.listing';
import { findRole } from '../organizations/organization.service';
import { assertCanAnswer, assertCanAsk, QUESTION_WINDOW_MS, validateAnswer, validateQuestion } from './question.domain';
import { ChallengeQuestionEntity } from './question.entity';
import { ChallengeQuestionNotFoundError } from './question.errors';
import type { AnswerChallengeQuestionInput, AskChallengeQuestionInput } from './question.inputs';
import { questionAskedEvent } from '../webhooks/webhook.domain';
import { queueWebhookDeliveries } from '../webhooks/webhook.service';

/** Which questions a page lists: the published ones (everyone), or all of them (the sponsor's OWNER/ADMIN). */
export type QuestionListing = 'published' | 'all';

/** Keyset position: the order's timestamp (answered_at for published, asked_at for all) and the id. */
export interface QuestionKeyset {
  at: Date;
  id: string;
}

export interface QuestionPageRequest {
  challengeId: string;
  listing: QuestionListing;
  limit: number;
  after: QuestionKeyset | null;
}

const COLUMNS = ['id', 'challenge_id', 'asked_by', 'question', 'answer', 'answered_by', 'asked_at', 'answered_at', 'published'].map((c) => `q."${c}"`).join(', ');

export class QuestionService {
  constructor(
    private readonly em: EntityManager,
    /** After a commit that queued partner webhook deliveries (question.asked): wakes the delivery queue. */
    private readonly webhooksQueued: () => void = () => undefined,
  ) {}

  // ---- commands -------------------------------------------------------------

  /**
   * A question by a signed-in solver who is not a member of the sponsor, on an OPEN challenge they can see, at most
   * QUESTIONS_PER_DAY per challenge in 24 hours. The challenge row is locked (`for update`, as the transitions) while
   * the asker's recent questions are counted: concurrent asks queue on it, so they cannot pass the limit together,
   * and the status read is the current one (an ask cannot slip past a concurrent close).
   */
  async ask(viewerId: string, input: AskChallengeQuestionInput): Promise<ChallengeQuestionEntity> {
    const challengeId = requiredId(input.challengeId, 'challengeId');
    const question = validateQuestion(input.question);
    let webhooks = 0;
    const asked = await this.em.transactional(async (em) => {
      const challenge = await em.findOne(ChallengeEntity, { id: challengeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!challenge) throw new ChallengeNotFoundError(challengeId);
      const role = await findRole(em, challenge.organizationId, viewerId);
      if (!role && !isPublic(challenge) && !(challenge.publishedAt && (await isInvited(em, challengeId, viewerId)))) throw new ChallengeNotFoundError(challengeId);
      const now = new Date();
      const askedInWindow = role
        ? 0
        : await em.count(ChallengeQuestionEntity, { challengeId, askedBy: viewerId, askedAt: { $gt: new Date(now.getTime() - QUESTION_WINDOW_MS) } });
      assertCanAsk({ status: challenge.status, role, askedInWindow });
      const created = em.create(ChallengeQuestionEntity, { challengeId, askedBy: viewerId, question, askedAt: now });
      // The sponsor's OWNER/ADMINs are told (solvers' notifications); the asker stays unnamed in every text.
      recordEvent(em, 'QuestionAsked', { questionId: created.id, challengeId, challengeTitle: challenge.title, organizationId: challenge.organizationId, askedBy: viewerId });
      // The sponsor's webhook endpoints too, in the same transaction (the text, never the asker).
      webhooks = await queueWebhookDeliveries(em, questionAskedEvent(created));
      await em.flush();
      return created;
    });
    if (webhooks > 0) this.webhooksQueued();
    return asked;
  }

  /**
   * Answers a question, or edits the answer, or (un)publishes it: the sponsor's OWNER/ADMIN, while the challenge is
   * OPEN or JUDGING. The question's row is locked, so two edits apply one after the other. `answeredAt` is the first
   * answer's time (the public order), kept on edits.
   */
  async answer(viewerId: string, input: AnswerChallengeQuestionInput): Promise<ChallengeQuestionEntity> {
    const questionId = requiredId(input.questionId, 'questionId');
    const answer = validateAnswer(input.answer);
    if (typeof input.publish !== 'boolean') throw new BadUserInputError('publish', 'is required');
    return this.em.transactional(async (em) => {
      const question = await em.findOne(ChallengeQuestionEntity, { id: questionId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!question) throw new ChallengeQuestionNotFoundError(questionId);
      const challenge = await em.findOne(ChallengeEntity, { id: question.challengeId });
      if (!challenge) throw new ChallengeQuestionNotFoundError(questionId); // foreign key: cannot happen
      const role = await findRole(em, challenge.organizationId, viewerId);
      if (!role && !isPublic(challenge)) throw new ChallengeQuestionNotFoundError(questionId);
      assertCanAnswer({ status: challenge.status, role });
      const firstAnswer = question.answeredAt == null;
      question.answer = answer;
      question.answeredBy = viewerId;
      question.answeredAt ??= new Date();
      // The asker hears of the first answer only: an edit or a (un)publish is not news.
      if (firstAnswer) {
        recordEvent(em, 'QuestionAnswered', { questionId: question.id, challengeId: challenge.id, challengeTitle: challenge.title, askedBy: question.askedBy, public: input.publish });
      }
      question.published = input.publish;
      await em.flush();
      return question;
    });
  }

  // ---- queries ----------------------------------------------------------------

  /**
   * Pages of Challenge.questions for many challenges at once: one LATERAL keyset query per distinct (listing, page
   * size), `limit + 1` rows per request (callers authorize first). Published: (answered_at, id) on the partial index
   * of published questions; all: (asked_at, id) on (challenge_id, asked_at, id).
   */
  async pagesByChallenge(requests: readonly QuestionPageRequest[]): Promise<Map<string, ChallengeQuestionEntity[]>> {
    const result = new Map<string, ChallengeQuestionEntity[]>();
    const groups = new Map<string, { listing: QuestionListing; limit: number; requests: QuestionPageRequest[] }>();
    for (const request of requests) {
      result.set(questionPageKey(request), []);
      if (!isUuid(request.challengeId)) continue;
      const key = `${request.listing}:${request.limit}`;
      const group = groups.get(key) ?? { listing: request.listing, limit: request.limit, requests: [] };
      group.requests.push(request);
      groups.set(key, group);
    }
    for (const { listing, limit, requests: group } of groups.values()) {
      const at = listing === 'published' ? 'answered_at' : 'asked_at';
      const rows = await this.em.execute<Record<string, unknown>[]>(
        `select k.ord, ${COLUMNS}
         from unnest(?::uuid[], ?::timestamptz[], ?::uuid[]) with ordinality as k(challenge_id, after_at, after_id, ord)
         cross join lateral (
           select p.* from challenge_question p
           where p.challenge_id = k.challenge_id${listing === 'published' ? ' and p.published' : ''}
             and (p.${at}, p.id) > (k.after_at, k.after_id)
           order by p.${at}, p.id
           limit ?
         ) q
         order by k.ord, q.${at}, q.id`,
        [
          pgArray(group.map((r) => r.challengeId.toLowerCase())),
          pgArray(group.map((r) => (r.after ? r.after.at.toISOString() : '-infinity'))),
          pgArray(group.map((r) => r.after?.id ?? NIL_UUID)),
          limit + 1,
        ],
      );
      for (const row of rows) {
        const { ord, ...columns } = row;
        result.get(questionPageKey(group[Number(ord) - 1]))?.push(mapRowForRead(this.em, ChallengeQuestionEntity, columns));
      }
    }
    return result;
  }

  /** The viewer's own questions about each challenge, oldest first: one query. */
  async viewerQuestionsOf(viewerId: string, challengeIds: readonly string[]): Promise<ChallengeQuestionEntity[]> {
    const valid = [...new Set(challengeIds.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return [];
    return findForRead(this.em, ChallengeQuestionEntity, { askedBy: viewerId, challengeId: { $in: valid } }, [{ challengeId: 'asc', askedAt: 'asc', id: 'asc' }]);
  }
}

export function questionPageKey(request: QuestionPageRequest): string {
  return JSON.stringify([request.challengeId.toLowerCase(), request.listing, request.limit, request.after?.at.toISOString() ?? null, request.after?.id ?? null]);
}

/** The cursor of a question in a listing: its position in that listing's order. */
export function encodeQuestionCursor(question: ChallengeQuestionEntity, listing: QuestionListing): string {
  const at = listing === 'published' ? question.answeredAt : question.askedAt;
  return encodeCursor([(at ?? question.askedAt).toISOString(), question.id]);
}

/** Null when absent; BAD_USER_INPUT (field `after`) when forged or malformed. */
export function decodeQuestionCursor(after: string | null | undefined): QuestionKeyset | null {
  if (after === null || after === undefined) return null;
  const [at, id] = decodeCursor(after, ['timestamp', 'uuid']);
  return { at: new Date(at), id };
}

/** Whether the user accepted an invitation to the challenge (an INVITE_ONLY challenge's accepted invitees see it once published). */
async function isInvited(em: EntityManager, challengeId: string, userId: string): Promise<boolean> {
  const rows = await em.execute(`select 1 from (${INVITED_CHALLENGE_IDS}) v where v.challenge_id = ? limit 1`, [userId, challengeId], 'all');
  return rows.length > 0;
}
