/** The judging pages' plain logic: scores as the server takes them, rubrics, agreement in words, invitations. */
import {
  agreementInWords, criterionKey, pendingJudgeInvitations, defaultJudgingDeadline, isDefaultRubric, judgeEmailsError, judgingDeadlineError, judgingRefusal, ordinal, parseEmails, parseScore,
  tenthsToScore, validateRubric, validateScores, weightedTotal, weightSumText,
} from './judging';

describe('scores', () => {
  it('reads 0 to 10 with one decimal at most (a comma too), as the API’s decimal strings', () => {
    expect(parseScore('7.5')).toEqual({ ok: true, tenths: 75 });
    expect(parseScore(' 7,5 ')).toEqual({ ok: true, tenths: 75 });
    expect(parseScore('10')).toEqual({ ok: true, tenths: 100 });
    expect(parseScore('0')).toEqual({ ok: true, tenths: 0 });
    expect(parseScore('10.5')).toEqual({ ok: false, error: 'Scores go up to 10' });
    expect(parseScore('7.25')).toEqual({ ok: false, error: 'Use one decimal at most, e.g. 7.5' });
    expect(parseScore('-1').ok).toBe(false);
    expect(parseScore('').ok).toBe(false);
    expect([75, 70, 0, 100, 5].map(tenthsToScore)).toEqual(['7.5', '7', '0', '10', '0.5']);
  });

  it('computes the weighted total exactly, as the server (thousandths, no trailing zeros)', () => {
    const criteria = [{ key: 'a', weightPercent: 55 }, { key: 'b', weightPercent: 45 }];
    expect(weightedTotal(criteria, { a: '7.5', b: '7' })).toBe('7.275');
    expect(weightedTotal(criteria, { a: '10', b: '10' })).toBe('10');
    expect(weightedTotal(criteria, { a: '7.5' })).toBeNull();
  });

  it('checks every criterion and the comment, keyed by the inputs’ names', () => {
    const { errors, scores } = validateScores([{ key: 'cost' }, { key: 'impact' }], { cost: '8', impact: 'x' }, 'ok');
    expect(errors).toEqual({ 'score-impact': 'Enter a number from 0 to 10, e.g. 7.5' });
    expect(scores).toEqual([{ criterionKey: 'cost', value: '8' }]);
    expect(validateScores([{ key: 'a' }], { a: '1' }, 'x'.repeat(2001)).errors.comment).toBe('Use at most 2,000 characters');
  });
});

describe('ranks and agreement', () => {
  it('says ranks as people do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 41, 112].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '41st', '112th']);
  });

  it('puts Kendall’s W in words, with the number', () => {
    expect(agreementInWords(0.82).level).toBe('Strong agreement');
    expect(agreementInWords(0.82).sentence).toContain('Kendall’s W = 0.82');
    expect(agreementInWords(0.95).level).toBe('Very strong agreement');
    expect(agreementInWords(0.5).level).toBe('Moderate agreement');
    expect(agreementInWords(0.31).level).toBe('Weak agreement');
    expect(agreementInWords(0.1).level).toBe('Little or no agreement');
    expect(agreementInWords(null).sentence).toBe('Agreement is measured once at least two judges have scored the same two submissions.');
  });
});

describe('rubrics', () => {
  const c = (label: string, weight: string, key = '') => ({ key, label, description: '', weight });
  it('accepts criteria whose weights add up to 100, with keys from their names', () => {
    const { errors, input } = validateRubric([c('Cost & durability', '60'), c('Impact', '40')]);
    expect(errors).toEqual({});
    expect(input).toEqual([
      { key: 'cost_durability', label: 'Cost & durability', description: '', weightPercent: 60 },
      { key: 'impact', label: 'Impact', description: '', weightPercent: 40 },
    ]);
  });

  it('says what is wrong: the sum, a weight, a name; makes keys unique', () => {
    expect(validateRubric([c('A', '50'), c('B', '40')]).errors.criteria).toBe('Weights add up to 90 %: they must add up to 100 %.');
    expect(validateRubric([c('A', '0'), c('', '100')]).errors).toMatchObject({ 'criteria[0].weight': 'Enter a whole number from 1 to 100', 'criteria[1].label': 'Enter a name for this criterion' });
    expect(validateRubric([c('Impact', '50', 'kept'), c('Impact', '50')]).input.map((x) => x.key)).toEqual(['impact', 'impact_2']);
    expect(criterionKey('Impact', ['impact'])).toBe('impact_2');
    expect(criterionKey('3D print', [])).toBe('c_3d_print');
    expect(weightSumText([c('A', '100')])).toBe('Weights add up to 100 %.');
  });

  it('knows the default rubric (not sent)', () => {
    expect(isDefaultRubric([{ key: 'overall', label: 'Overall', description: '', weightPercent: 100 }])).toBe(true);
    expect(isDefaultRubric([{ key: 'overall', label: 'Overall', description: 'x', weightPercent: 100 }])).toBe(false);
  });
});

describe('deadlines and invitations', () => {
  it('defaults the judging deadline to 30 days after the submission deadline, within 180 days after it', () => {
    const submission = new Date('2030-01-01T12:00:00Z');
    expect(defaultJudgingDeadline(submission).toISOString()).toBe('2030-01-31T12:00:00.000Z');
    expect(judgingDeadlineError(new Date('2030-01-01T12:00:00Z'), submission)).toBe('The judging deadline must be after the submission deadline');
    expect(judgingDeadlineError(new Date('2030-07-01T12:00:00Z'), submission)).toBe('The judging deadline must be at most 180 days after the submission deadline');
    expect(judgingDeadlineError(new Date('2030-02-01T12:00:00Z'), submission)).toBeNull();
  });

  it('reads addresses one per line or separated by commas, lower-cased and distinct, and names a bad one', () => {
    expect(parseEmails('Ada@Example.com, bo@example.com\ncy@example.com;ada@example.com ')).toEqual(['ada@example.com', 'bo@example.com', 'cy@example.com']);
    expect(judgeEmailsError([])).toBe('Enter the email address of at least one judge');
    expect(judgeEmailsError(['ok@example.com', 'nope'])).toBe('“nope” is not an email address like name@example.com');
    expect(judgeEmailsError(Array.from({ length: 51 }, (_, i) => `j${i}@example.com`))).toBe('Invite at most 50 judges at a time');
  });

  it('counts the invitations to judge waiting for an answer (the header’s “Judging (N)”)', () => {
    expect(pendingJudgeInvitations([{ role: 'JUDGE', status: 'PENDING' }, { role: 'JUDGE', status: 'EXPIRED' }, { role: 'PARTICIPANT', status: 'PENDING' }, { role: 'JUDGE', status: 'PENDING' }])).toBe(2);
    expect(pendingJudgeInvitations(undefined)).toBe(0);
  });

  it('puts refusals in words by their code, never the server’s text', () => {
    expect(judgingRefusal({ formError: 'Challenge 5f0c… is AWARDED', code: 'FAILED_PRECONDITION' }, 'score').formError).toMatch(/^Scores are accepted only while the challenge is being judged/);
    expect(judgingRefusal({ formError: 'x', code: 'CONFLICT' }, 'award').formError).toMatch(/^These awards conflict/);
    expect(judgingRefusal({ formError: 'Could not reach Ideagora.' }, 'award').formError).toBe('Could not reach Ideagora.');
  });
});
