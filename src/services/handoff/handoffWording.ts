import type { Choice } from '../replies/choice';

/** What the user can pick while waiting for a person. */
export const LEAVE_QUEUE: Choice = {
  value: 'leave_queue',
  title: 'Leave the queue',
  synonyms: ['leave', 'leave queue', 'stop waiting', 'cancel', 'never mind', 'forget it'],
};
export const KEEP_WAITING: Choice = {
  value: 'keep_waiting',
  title: 'Keep waiting',
  synonyms: ['wait', 'i will wait', "i'll wait", 'keep my place'],
};
export const WAITING_CHOICES: Choice[] = [KEEP_WAITING, LEAVE_QUEUE];

/** Words that leave the queue even without a button (the brief promise: "cancel" always works). */
export const LEAVE_WORDS = /\b(cancel|leave|stop waiting|never ?mind|forget it|quit|exit)\b/i;

export const HANDOFF_TEXT = {
  queued:
    'I have passed your conversation to Customer Support, with a summary of your case and what we said here. A person will join this chat: you are in the queue now. You can leave the queue at any time.',
  alreadyWaiting:
    'You are already in the queue for a person from Customer Support. You can keep waiting or leave the queue.',
  alreadyQueuedElsewhere:
    'You are already in the queue for a person from Customer Support, from another conversation: they will answer you there. I have not made a second request.',
  alreadyWithPerson: 'A person from Customer Support already has your conversation: just write to them here.',
  stillWaiting:
    'You are still in the queue for a person from Customer Support. I have added your message to your case, so they will see it when they join.',
  keptWaiting: 'Okay, you keep your place in the queue.',
  left: 'You have left the queue; nothing more goes to Customer Support. What would you like to do now?',
  accepted:
    'A person from Customer Support has joined the conversation. Everything you write here now goes to them.',
  handedBack:
    'The person from Customer Support has handed you back to me, the assistant. Ask me anything about your dispute, or say "help".',
  closed:
    'Customer Support has closed this conversation. I am here again if you need anything else about your dispute: just ask, or say "help".',
  notAnswered: (waitedSeconds: number) =>
    `Nobody from Customer Support has picked up your conversation yet (you have waited ${howLong(waitedSeconds)}). You can keep waiting here, or leave the queue.`,
  mediationOpened: (disputeId: string) =>
    `Your support agent has opened a case with a mediation specialist. Your reference is ${disputeId}.`,
};

function howLong(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  return `about ${Math.round(seconds / 60)} minutes`;
}
