import { createRequire } from 'node:module';
import type * as Commander from 'commander';

/**
 * commander, required as the CommonJS package it is: imported from ESM, Node first lexes its source for the names it
 * exports and goes through its ESM wrapper, about 2 ms of every start-up (issue 12). The same module either way.
 */
const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const Command = commander.Command;
export type Command = Commander.Command;
export const CommanderError = commander.CommanderError;
export const InvalidArgumentError = commander.InvalidArgumentError;
export const Option = commander.Option;
export type Option = Commander.Option;
