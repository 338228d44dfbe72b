// The brief by link (issue 25): the questions the owner edits (Briefs), one row per
// questionnaire sent (Brief forms: the Google Form made for a deal from one template version),
// and the client's answers (Brief answers: one row per answered question of a response).
import type { TabSchema } from './tabSchema';
import { BRIEF_KINDS } from '../domain/briefs/briefs';

export const BRIEFS: TabSchema = {
  name: 'Briefs',
  idColumn: 'id',
  idPrefix: 'BQ',
  tabColor: '#1e9e6a',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 110 },
    { key: 'template', header: 'Template', type: 'text', required: true, width: 120, note: 'The service type the questionnaire is for (website, shop, SEO…). A deal gets the questions of one template.' },
    { key: 'position', header: 'Position', type: 'number', width: 70 },
    { key: 'question', header: 'Question', type: 'text', required: true, width: 280 },
    { key: 'kind', header: 'Kind', type: 'enum', values: BRIEF_KINDS, width: 110 },
    { key: 'options', header: 'Options', type: 'text', width: 220, note: 'Choices separated by ";" (single or multiple choice).' },
    { key: 'required', header: 'Required', type: 'checkbox', width: 80 },
    { key: 'mapsTo', header: 'Maps to', type: 'text', width: 140, note: 'Which deal field or quote line the answer fills: budget, or item:CODE (a Catalog code: the answer is its quantity). Proposed on the card, never applied without a click.' },
  ],
  seedRows: () => [
    ['website', 'About your business: what do you do, and who are your customers?', 'paragraph', '', true, ''],
    ['website', 'What should the project achieve?', 'paragraph', '', false, ''],
    ['website', 'Three websites you like, and what you like about them', 'paragraph', '', false, ''],
    ['website', 'How many pages do you need?', 'number', '', false, 'item:WEB-DES'],
    ['website', 'Who provides texts and photos?', 'choice', 'We do;You do;Together', false, ''],
    ['website', 'When must it be ready?', 'date', '', false, ''],
    ['website', 'Your budget', 'number', '', false, 'budget'],
  ].map(([template, question, kind, options, required, mapsTo], i) => ({ id: `BQ-${i + 1}`, template, position: i + 1, question, kind, options, required, mapsTo })),
};

export const BRIEF_FORMS: TabSchema = {
  name: 'Brief forms',
  idColumn: 'id',
  idPrefix: 'BF',
  tabColor: '#1e9e6a',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 120 },
    { key: 'dealId', header: 'Deal ID', type: 'id', required: true, width: 130 },
    { key: 'template', header: 'Template', type: 'text', width: 110 },
    { key: 'templateVersion', header: 'Template version', type: 'text', width: 110, note: 'Kept by Dealboard: a fingerprint of the questions; a changed template makes a new form.' },
    { key: 'title', header: 'Form title', type: 'text', width: 240, note: 'Kept by Dealboard: written before the form is created, so a retry after a crash finds the form instead of making a second one.' },
    { key: 'formId', header: 'Form ID', type: 'text', width: 160 },
    { key: 'url', header: 'Link', type: 'text', width: 260 },
    { key: 'questions', header: 'Questions', type: 'longtext', width: 200, technical: true, note: 'Kept by Dealboard: the form\'s question ids, with the question and what it maps to (JSON).' },
    { key: 'status', header: 'Status', type: 'enum', values: ['creating', 'published', 'sent'], width: 90 },
    { key: 'sentAt', header: 'Sent at', type: 'datetime', width: 140 },
    { key: 'sentBy', header: 'Sent by', type: 'email', width: 170 },
    { key: 'readUpTo', header: 'Answers read up to', type: 'text', width: 190, note: 'Kept by Dealboard: the newest answer time read (RFC 3339); the next check asks only for newer ones.' },
    { key: 'answeredAt', header: 'Answered at', type: 'datetime', width: 140 },
  ],
};

export const BRIEF_ANSWERS: TabSchema = {
  name: 'Brief answers',
  idColumn: 'id',
  idPrefix: 'BA',
  tabColor: '#1e9e6a',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 120 },
    { key: 'dealId', header: 'Deal ID', type: 'id', required: true, width: 130 },
    { key: 'question', header: 'Question', type: 'text', width: 260 },
    { key: 'answer', header: 'Answer', type: 'longtext', width: 320, note: 'The client\'s text, as typed (stored so that it can never become a formula).' },
    { key: 'answeredAt', header: 'Answered at', type: 'datetime', width: 140 },
    { key: 'responseId', header: 'Response ID', type: 'text', width: 170, note: 'Kept by Dealboard: the Google Forms response; each response is recorded once.' },
    { key: 'questionId', header: 'Question ID', type: 'text', width: 100, technical: true },
    { key: 'mapsTo', header: 'Maps to', type: 'text', width: 110 },
    { key: 'appliedAt', header: 'Applied at', type: 'datetime', width: 140, note: 'When a manager applied the answer to the deal (the budget).' },
    { key: 'appliedBy', header: 'Applied by', type: 'email', width: 170 },
  ],
};
