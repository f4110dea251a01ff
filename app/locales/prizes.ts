import { defineMessages } from './define.ts'

export const prizes = defineMessages({}, {})
