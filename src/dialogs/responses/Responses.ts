// The dialogs' sentences and the hand-off's come from one file and one loader (services/content).
export { say, type ResponseId } from '../../services/content/responses';
