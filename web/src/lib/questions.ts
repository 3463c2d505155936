/** Where the viewer's own question stands: no answer yet, answered for them only, or published for everyone. */
export function questionStatus(question: { answer?: string | null; published: boolean }): string {
  if (!question.answer) return 'Waiting for an answer';
  return question.published ? 'Answered and published' : 'Answered privately';
}
