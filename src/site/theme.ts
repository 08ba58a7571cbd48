/** Where the reader's light/dark choice is kept, shared by the head script and the toggle. */
export const THEME_STORAGE_KEY = 'bn-course-theme';
