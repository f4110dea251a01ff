import { defineMessages } from './define.ts'

export const nominations = defineMessages({}, {})
