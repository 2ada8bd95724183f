/**
 * The element every page has for the sandbox frame. The layout marks it to be
 * kept when the reader moves to another chapter, so the frame, and Python
 * started in it, lives on from page to page.
 */
export const SANDBOX_HOST_ID = 'snippet-sandbox-host';
