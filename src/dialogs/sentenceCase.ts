/** For a fact or phrase placed inside a sentence: "Once the client..." -> "once the client...". */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** For a phrase that starts a sentence: "4 days left" stays, "passed 2 days ago" -> "Passed 2 days ago". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
