import { IdParams } from './common-http';
import { CyclePersonParams } from './evaluations';
import { RegistrationForm, REGISTRATION_FORM_MIME_TYPE } from './registration-form';
import { defineRoute } from './route';

const session = { access: 'session' } as const;

/** 考核登记表: who may read one is exactly who may read the person's result sheet. */
export const registrationFormRoutes = {
  getRegistrationForm: defineRoute({
    ...session,
    tag: 'results',
    method: 'get',
    path: '/api/cycles/:id/registration-forms/:personId',
    summary:
      "One person's 考核登记表 for a cycle (as the result sheet: an evaluee only their own, only after publication)",
    params: CyclePersonParams,
    status: 200,
    response: RegistrationForm,
    errors: [404],
  }),
  exportRegistrationForm: defineRoute({
    ...session,
    tag: 'exports',
    method: 'get',
    path: '/api/cycles/:id/registration-forms/:personId/form.xlsx',
    summary: "One person's 考核登记表 as an A4 Excel sheet (same readers as the result sheet)",
    params: CyclePersonParams,
    download: { mimeTypes: [REGISTRATION_FORM_MIME_TYPE] },
    status: 200,
    response: null,
    errors: [404],
  }),
  exportRegistrationForms: defineRoute({
    ...session,
    tag: 'exports',
    method: 'get',
    path: '/api/cycles/:id/registration-forms.xlsx',
    summary:
      "A cycle's 考核登记表, one A4 worksheet per evaluee in rank order, streamed (admin, tier 1, assessors)",
    params: IdParams,
    download: { mimeTypes: [REGISTRATION_FORM_MIME_TYPE] },
    status: 200,
    response: null,
    errors: [403, 404, 409],
  }),
};
