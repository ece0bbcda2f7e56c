// How long a follow-up's text may be: the modal's input limit and the service's check agree.
export const MAX_FOLLOWUP_TEXT = 2000;
