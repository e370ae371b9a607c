/** Release names (spec §5.1): validation for every RPC but install, and generated adjective-animal names. */
import { randomInt } from 'node:crypto';

export const MAX_NAME_LEN = 53;
export const VALID_NAME = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])+$/;

export const errInvalidName = `invalid release name, must match regex ${VALID_NAME.source} and the length must not be longer than ${MAX_NAME_LEN}`;

export function validReleaseName(name: string): boolean {
  return name.length <= MAX_NAME_LEN && VALID_NAME.test(name);
}

// In the spirit of technosophos/moniker: an adjective and an animal, joined by '-'.
const ADJECTIVES = [
  'agile', 'amber', 'angry', 'brave', 'bright', 'calm', 'careful', 'cheeky', 'clever', 'coy', 'crazy', 'curious',
  'dandy', 'daring', 'dining', 'eager', 'early', 'elegant', 'exasperated', 'fair', 'falling', 'fancy', 'flabby',
  'foolhardy', 'fun', 'gauche', 'gilded', 'giggly', 'good', 'grumpy', 'hazy', 'honest', 'hopping', 'icy', 'idle',
  'intentional', 'invisible', 'jaundiced', 'jolly', 'jumpy', 'kind', 'kissing', 'knobby', 'lame', 'lazy', 'lean',
  'limping', 'listening', 'lucky', 'mangy', 'manageable', 'measly', 'mottled', 'muddled', 'mumbling', 'nasal',
  'nervous', 'newbie', 'nomadic', 'odd', 'opining', 'orange', 'peddling', 'pioneering', 'plucking', 'precise',
  'quaffing', 'quelling', 'quiet', 'quoting', 'rafting', 'reeling', 'righteous', 'rolling', 'rude', 'rusty',
  'sad', 'silly', 'singing', 'sleepy', 'solemn', 'sparkly', 'steely', 'stultified', 'tailored', 'tan', 'terrific',
  'torrid', 'trendy', 'ugly', 'undercooked', 'unhinged', 'veering', 'vested', 'viscous', 'voting', 'wandering',
  'warped', 'whimsical', 'wintering', 'wise', 'wishful', 'yellow', 'youngling', 'zealous', 'zeroed', 'zooming',
];
const ANIMALS = [
  'aardvark', 'albatross', 'alligator', 'alpaca', 'ant', 'anteater', 'antelope', 'ape', 'armadillo', 'badger',
  'bat', 'bear', 'beaver', 'bee', 'bird', 'bison', 'boar', 'buffalo', 'bunny', 'camel', 'cat', 'cheetah',
  'chicken', 'chimp', 'cobra', 'cod', 'condor', 'cow', 'coyote', 'crab', 'crocodile', 'crow', 'deer', 'dingo',
  'dog', 'dolphin', 'donkey', 'dragon', 'duck', 'eagle', 'eel', 'elephant', 'elk', 'emu', 'ferret', 'finch',
  'fish', 'flamingo', 'fly', 'fox', 'frog', 'gecko', 'gerbil', 'giraffe', 'gnat', 'gnu', 'goat', 'goose',
  'gopher', 'gorilla', 'grasshopper', 'greyhound', 'gull', 'hamster', 'hare', 'hedgehog', 'heron', 'hippo',
  'hog', 'horse', 'hound', 'hyena', 'ibex', 'iguana', 'impala', 'jackal', 'jaguar', 'kangaroo', 'koala',
  'lamb', 'lemur', 'leopard', 'lion', 'lizard', 'llama', 'lobster', 'lynx', 'magpie', 'mole', 'molly',
  'mongoose', 'monkey', 'moose', 'mouse', 'mule', 'newt', 'octopus', 'orangutan', 'ostrich', 'otter', 'owl',
  'ox', 'panda', 'panther', 'parrot', 'peacock', 'pelican', 'penguin', 'pig', 'pike', 'porcupine', 'possum',
  'puma', 'quail', 'rabbit', 'raccoon', 'ram', 'rat', 'raven', 'rhino', 'robin', 'salamander', 'seal',
  'shark', 'sheep', 'skunk', 'sloth', 'snail', 'snake', 'sparrow', 'squid', 'squirrel', 'stingray', 'swan',
  'tapir', 'termite', 'tiger', 'toad', 'turkey', 'turtle', 'umbrellabird', 'vulture', 'wallaby', 'walrus',
  'wasp', 'weasel', 'whale', 'wolf', 'wombat', 'worm', 'yak', 'zebra',
];

export function generateName(): string {
  const name = `${ADJECTIVES[randomInt(ADJECTIVES.length)]}-${ANIMALS[randomInt(ANIMALS.length)]}`;
  return name.slice(0, MAX_NAME_LEN);
}
