/** Annotation keys and total size. */
import { apiRule } from '../helpers/api-rule';

export const annotationSyntax = apiRule({
  meta: {
    id: 'annotation-syntax',
    title: 'Invalid annotation key, or annotations too large',
    description:
      'Annotation keys are qualified names (an optional DNS-subdomain prefix and a name of at most 63 characters); values are free text, but all annotations of an object together may not exceed 256 KiB.',
    bad: 'annotations:\n  "my annotation": enabled',
    good: 'annotations:\n  example.com/my-annotation: enabled',
  },
});
