// power-cut-fs: an in-memory FUSE filesystem that keeps only what POSIX promises across a power
// cut. A file's bytes become durable when the file is fsynced; a name (create, rename, unlink,
// mkdir) when its directory is fsynced. Writing "cut" to the control file /.power-cut drops
// everything not durable, as a power cut drops the page cache. Modes (--mode=…, or "mode M"
// written to the control file to switch while mounted): strict (the default), journal (any fsync
// makes everything durable, as a journalling filesystem often does), nosync (fsync does nothing:
// a control that must make the checks fail).
#define FUSE_USE_VERSION 31
#define _GNU_SOURCE
#include <fuse.h>
#include <fcntl.h>
#include <unistd.h>
#include <linux/fs.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define CONTROL "/.power-cut"
#define CONTROL_FH 1 /* the control file's handle: never a node's address */

struct node;
struct entry { char *name; struct node *node; struct entry *next; };
struct node {
  int dir; mode_t mode; struct timespec mtime;
  char *data; size_t size, cap;       /* what the running system sees */
  char *ddata; size_t dsize;          /* what survives a cut */
  struct entry *ents, *dents;         /* directories: live and durable names */
  struct node *all;                   /* every node, for the cut */
};
static struct node *root, *nodes;
static enum { STRICT, JOURNAL, NOSYNC } mode = STRICT;
static const char *const mode_names[] = { "strict", "journal", "nosync" };
static unsigned long cuts, fsyncs;

static struct node *mk(int dir, mode_t m) {
  struct node *n = calloc(1, sizeof *n);
  n->dir = dir; n->mode = m; clock_gettime(CLOCK_REALTIME, &n->mtime);
  n->all = nodes; nodes = n;
  return n;
}
static struct entry *find(struct entry *e, const char *name, size_t len) {
  for (; e; e = e->next) if (strlen(e->name) == len && !memcmp(e->name, name, len)) return e;
  return NULL;
}
static struct entry *copy_ents(struct entry *e) {
  struct entry *out = NULL, **tail = &out;
  for (; e; e = e->next) { struct entry *c = malloc(sizeof *c); c->name = strdup(e->name); c->node = e->node; c->next = NULL; *tail = c; tail = &c->next; }
  return out;
}
static void free_ents(struct entry *e) { while (e) { struct entry *n = e->next; free(e->name); free(e); e = n; } }
static void sync_file(struct node *n) {
  if (mode == NOSYNC) return;
  free(n->ddata); n->ddata = malloc(n->size ? n->size : 1); memcpy(n->ddata, n->data, n->size); n->dsize = n->size;
}
static void sync_dir(struct node *n) { if (mode == NOSYNC) return; free_ents(n->dents); n->dents = copy_ents(n->ents); }
static void sync_all(void) { for (struct node *n = nodes; n; n = n->all) n->dir ? sync_dir(n) : sync_file(n); }
static void cut(void) {
  for (struct node *n = nodes; n; n = n->all) {
    if (n->dir) { free_ents(n->ents); n->ents = copy_ents(n->dents); }
    else { free(n->data); n->cap = n->dsize ? n->dsize : 1; n->data = malloc(n->cap); memcpy(n->data, n->ddata, n->dsize); n->size = n->dsize; }
  }
  cuts++;
}

/* Resolves a path; with parent != NULL, stops at the last component (returned in *last). */
static struct node *resolve(const char *path, struct node **parent, const char **last) {
  struct node *cur = root, *par = NULL; const char *p = path;
  while (*p == '/') p++;
  if (last) *last = p;
  while (*p) {
    const char *end = strchr(p, '/'); size_t len = end ? (size_t)(end - p) : strlen(p);
    if (!cur || !cur->dir) return NULL;
    par = cur; if (last) *last = p;
    struct entry *e = find(cur->ents, p, len);
    cur = e ? e->node : NULL;
    p += len; while (*p == '/') p++;
  }
  if (parent) *parent = par;
  return cur;
}
static int is_control(const char *path) { return path && !strcmp(path, CONTROL); }

static void *pc_init(struct fuse_conn_info *conn, struct fuse_config *cfg) {
  (void)conn;
  cfg->entry_timeout = 0; cfg->attr_timeout = 0; cfg->negative_timeout = 0;
  cfg->nullpath_ok = 1; cfg->hard_remove = 1; cfg->direct_io = 0; cfg->kernel_cache = 0;
  return NULL;
}
static int pc_getattr(const char *path, struct stat *st, struct fuse_file_info *fi) {
  memset(st, 0, sizeof *st);
  if (is_control(path)) { st->st_mode = S_IFREG | 0600; st->st_nlink = 1; return 0; }
  struct node *n = fi && fi->fh > CONTROL_FH ? (struct node *)fi->fh : resolve(path, NULL, NULL);
  if (!n) return -ENOENT;
  st->st_mode = (n->dir ? S_IFDIR : S_IFREG) | (n->mode & 07777);
  st->st_nlink = n->dir ? 2 : 1; st->st_size = n->size; st->st_blocks = (n->size + 511) / 512;
  st->st_uid = getuid(); st->st_gid = getgid(); st->st_mtim = st->st_ctim = st->st_atim = n->mtime;
  return 0;
}
static int pc_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off, struct fuse_file_info *fi, enum fuse_readdir_flags fl) {
  (void)off; (void)fl;
  struct node *n = fi && fi->fh ? (struct node *)fi->fh : resolve(path, NULL, NULL);
  if (!n || !n->dir) return -ENOTDIR;
  fill(buf, ".", NULL, 0, 0); fill(buf, "..", NULL, 0, 0);
  for (struct entry *e = n->ents; e; e = e->next) fill(buf, e->name, NULL, 0, 0);
  return 0;
}
static int pc_opendir(const char *path, struct fuse_file_info *fi) {
  struct node *n = resolve(path, NULL, NULL);
  if (!n) return -ENOENT;
  if (!n->dir) return -ENOTDIR;
  fi->fh = (uint64_t)n; return 0;
}
static int add(const char *path, int dir, mode_t m, struct node **out) {
  struct node *par; const char *last;
  if (resolve(path, &par, &last)) return -EEXIST;
  if (!par || !par->dir) return -ENOENT;
  struct node *n = mk(dir, m);
  struct entry *e = malloc(sizeof *e); e->name = strdup(last); e->node = n; e->next = par->ents; par->ents = e;
  clock_gettime(CLOCK_REALTIME, &par->mtime);
  if (out) *out = n;
  return 0;
}
static int pc_mkdir(const char *path, mode_t m) { return add(path, 1, m, NULL); }
static int pc_create(const char *path, mode_t m, struct fuse_file_info *fi) {
  struct node *n; int r = add(path, 0, m, &n);
  if (r == -EEXIST && !(fi->flags & O_EXCL)) { n = resolve(path, NULL, NULL); if (n->dir) return -EISDIR; r = 0; }
  if (r) return r;
  fi->fh = (uint64_t)n; return 0;
}
static int pc_open(const char *path, struct fuse_file_info *fi) {
  if (is_control(path)) { fi->fh = CONTROL_FH; fi->direct_io = 1; return 0; }
  struct node *n = resolve(path, NULL, NULL);
  if (!n) return -ENOENT;
  if (n->dir) return -EISDIR;
  if (fi->flags & O_TRUNC) n->size = 0;
  fi->fh = (uint64_t)n; return 0;
}
static int grow(struct node *n, size_t size) {
  if (size > n->cap) { size_t c = n->cap ? n->cap : 4096; while (c < size) c *= 2; char *d = realloc(n->data, c); if (!d) return -ENOSPC; n->data = d; n->cap = c; }
  if (size > n->size) memset(n->data + n->size, 0, size - n->size);
  n->size = size; return 0;
}
/* "strict", "journal" or "nosync" (a trailing newline allowed): switches the mode from now on. */
static int set_mode(const char *m, size_t len) {
  while (len && (m[len - 1] == '\n' || m[len - 1] == ' ')) len--;
  for (int i = 0; i < 3; i++)
    if (strlen(mode_names[i]) == len && !memcmp(m, mode_names[i], len)) { mode = i; return 1; }
  return 0;
}
static int pc_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
  (void)path;
  if (fi->fh == CONTROL_FH) {
    char s[160]; int len = snprintf(s, sizeof s, "cuts %lu\nfsyncs %lu\nmode %s\n", cuts, fsyncs, mode_names[mode]);
    if (off >= len) return 0;
    if ((size_t)(len - off) < size) size = len - off;
    memcpy(buf, s + off, size); return size;
  }
  struct node *n = (struct node *)fi->fh;
  if ((size_t)off >= n->size) return 0;
  if (off + size > n->size) size = n->size - off;
  memcpy(buf, n->data + off, size); return size;
}
static int pc_write(const char *path, const char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
  (void)path;
  if (fi->fh == CONTROL_FH) {
    if (size >= 3 && !memcmp(buf, "cut", 3)) cut();
    else if (size > 5 && !memcmp(buf, "mode ", 5) && set_mode(buf + 5, size - 5)) {}
    else return -EINVAL;
    return size;
  }
  struct node *n = (struct node *)fi->fh;
  if (fi->flags & O_APPEND) off = n->size;
  if (off + size > n->size) { int r = grow(n, off + size); if (r) return r; }
  memcpy(n->data + off, buf, size); clock_gettime(CLOCK_REALTIME, &n->mtime);
  return size;
}
static int pc_truncate(const char *path, off_t size, struct fuse_file_info *fi) {
  if (is_control(path) || (fi && fi->fh == CONTROL_FH)) return 0;
  struct node *n = fi && fi->fh ? (struct node *)fi->fh : resolve(path, NULL, NULL);
  if (!n) return -ENOENT;
  if (n->dir) return -EISDIR;
  if ((size_t)size <= n->size) { n->size = size; return 0; }
  return grow(n, size);
}
static int pc_fsync(const char *path, int datasync, struct fuse_file_info *fi) {
  (void)path; (void)datasync; fsyncs++;
  if (mode == JOURNAL) sync_all(); else if (fi->fh > CONTROL_FH) sync_file((struct node *)fi->fh);
  return 0;
}
static int pc_fsyncdir(const char *path, int datasync, struct fuse_file_info *fi) {
  (void)path; (void)datasync; fsyncs++;
  if (mode == JOURNAL) sync_all(); else sync_dir((struct node *)fi->fh);
  return 0;
}
static int detach(const char *path, int dir) {
  struct node *par; const char *last; struct node *n = resolve(path, &par, &last);
  if (!n) return -ENOENT;
  if (dir && !n->dir) return -ENOTDIR;
  if (!dir && n->dir) return -EISDIR;
  if (dir && n->ents) return -ENOTEMPTY;
  for (struct entry **e = &par->ents; *e; e = &(*e)->next)
    if ((*e)->node == n && !strcmp((*e)->name, last)) { struct entry *d = *e; *e = d->next; free(d->name); free(d); break; }
  return 0;
}
static int pc_unlink(const char *path) { return detach(path, 0); }
static int pc_rmdir(const char *path) { return detach(path, 1); }
static int pc_rename(const char *from, const char *to, unsigned int flags) {
  if (flags & RENAME_EXCHANGE) return -EINVAL;
  struct node *n = resolve(from, NULL, NULL); if (!n) return -ENOENT;
  struct node *old = resolve(to, NULL, NULL);
  if (old) { if (flags & RENAME_NOREPLACE) return -EEXIST; if (old == n) return 0; int r = detach(to, old->dir); if (r) return r; }
  struct node *par; const char *last; resolve(to, &par, &last);
  if (!par || !par->dir) return -ENOENT;
  detach(from, n->dir);
  struct entry *e = malloc(sizeof *e); e->name = strdup(last); e->node = n; e->next = par->ents; par->ents = e;
  return 0;
}
static int pc_chmod(const char *path, mode_t m, struct fuse_file_info *fi) {
  struct node *n = fi && fi->fh ? (struct node *)fi->fh : resolve(path, NULL, NULL);
  if (!n) return -ENOENT;
  n->mode = m;
  return 0;
}
static int pc_chown(const char *p, uid_t u, gid_t g, struct fuse_file_info *fi) { (void)p; (void)u; (void)g; (void)fi; return 0; }
static int pc_utimens(const char *path, const struct timespec tv[2], struct fuse_file_info *fi) {
  struct node *n = fi && fi->fh ? (struct node *)fi->fh : resolve(path, NULL, NULL);
  if (!n) return -ENOENT;
  if (tv) n->mtime = tv[1];
  return 0;
}
static int pc_statfs(const char *path, struct statvfs *s) {
  (void)path; memset(s, 0, sizeof *s);
  s->f_bsize = s->f_frsize = 4096; s->f_blocks = s->f_bfree = s->f_bavail = 1 << 20; s->f_files = s->f_ffree = 1 << 20; s->f_namemax = 255;
  return 0;
}

static const struct fuse_operations ops = {
  .init = pc_init, .getattr = pc_getattr, .readdir = pc_readdir, .opendir = pc_opendir, .mkdir = pc_mkdir,
  .create = pc_create, .open = pc_open, .read = pc_read, .write = pc_write, .truncate = pc_truncate,
  .fsync = pc_fsync, .fsyncdir = pc_fsyncdir, .unlink = pc_unlink, .rmdir = pc_rmdir, .rename = pc_rename,
  .chmod = pc_chmod, .chown = pc_chown, .utimens = pc_utimens, .statfs = pc_statfs,
};

int main(int argc, char *argv[]) {
  /* --mode=strict|journal|nosync is ours; the rest goes to libfuse (mount point, -f, -s…). */
  int out = 1;
  for (int i = 1; i < argc; i++) {
    if (!strncmp(argv[i], "--mode=", 7)) {
      const char *m = argv[i] + 7;
      if (!set_mode(m, strlen(m))) { fprintf(stderr, "power-cut-fs: unknown mode %s (strict, journal, nosync)\n", m); return 2; }
    } else argv[out++] = argv[i];
  }
  argc = out;
  root = mk(1, 0755);
  return fuse_main(argc, argv, &ops, NULL);
}
