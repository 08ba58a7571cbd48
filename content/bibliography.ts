/**
 * Every work the course cites, one record each (shape and checks: src/site/bibliography.ts).
 * Chapters cite an entry with <Cite id="key" />; the build fails on a key that is not here.
 */
import { checkBibliography } from '../src/site/bibliography';

export const BIBLIOGRAPHY = checkBibliography([
  {
    key: 'santurkar2018',
    type: 'inproceedings',
    authors: ['Santurkar, Shibani', 'Tsipras, Dimitris', 'Ilyas, Andrew', 'Mądry, Aleksander'],
    title: 'How Does Batch Normalization Help Optimization?',
    venue: 'Advances in Neural Information Processing Systems 31 (NeurIPS 2018)',
    year: 2018,
    url: 'https://arxiv.org/abs/1805.11604',
    arxiv: '1805.11604',
    note: 'The course follows arXiv version 3 (27 October 2018) and its numbering',
  },
  {
    key: 'ioffe2015',
    type: 'inproceedings',
    authors: ['Ioffe, Sergey', 'Szegedy, Christian'],
    title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
    venue: 'Proceedings of the 32nd International Conference on Machine Learning (ICML 2015)',
    year: 2015,
    url: 'https://arxiv.org/abs/1502.03167',
    arxiv: '1502.03167',
  },
  {
    key: 'arjovsky2017',
    type: 'inproceedings',
    authors: ['Arjovsky, Martin', 'Chintala, Soumith', 'Bottou, Léon'],
    title: 'Wasserstein Generative Adversarial Networks',
    venue: 'Proceedings of the 34th International Conference on Machine Learning (ICML 2017)',
    year: 2017,
    url: 'https://arxiv.org/abs/1701.07875',
    arxiv: '1701.07875',
    note: 'arXiv title: Wasserstein GAN',
  },
  {
    key: 'gulrajani2017',
    type: 'inproceedings',
    authors: ['Gulrajani, Ishaan', 'Ahmed, Faruk', 'Arjovsky, Martin', 'Dumoulin, Vincent', 'Courville, Aaron'],
    title: 'Improved Training of Wasserstein GANs',
    venue: 'Advances in Neural Information Processing Systems 30 (NIPS 2017)',
    year: 2017,
    url: 'https://arxiv.org/abs/1704.00028',
    arxiv: '1704.00028',
  },
  {
    key: 'miyato2018',
    type: 'inproceedings',
    authors: ['Miyato, Takeru', 'Kataoka, Toshiki', 'Koyama, Masanori', 'Yoshida, Yuichi'],
    title: 'Spectral Normalization for Generative Adversarial Networks',
    venue: 'International Conference on Learning Representations (ICLR 2018)',
    year: 2018,
    url: 'https://arxiv.org/abs/1802.05957',
    arxiv: '1802.05957',
  },
  {
    key: 'nesterov2018',
    type: 'book',
    authors: ['Nesterov, Yurii'],
    title: 'Lectures on Convex Optimization',
    venue: 'Springer',
    year: 2018,
    url: 'https://doi.org/10.1007/978-3-319-91578-4',
    note: '2nd edition; §1.2.2 treats functions with Lipschitz gradient and the descent lemma',
  },
]);
