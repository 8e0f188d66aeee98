;;; emacs-harness.el --- run after the setup of docs/other-editors.md, in batch  -*- lexical-binding: t -*-
;; Opens $NB_FILE (a report of a temporary workspace), drives what a person does (Tab, completion, hover, M-.,
;; formatting) through eglot and writes what it found as JSON to $NB_OUT for test/server/emacs.test.ts.
;; Waits are bounded safety nets, not speeds.
(require 'json)
(defvar nb-found nil)
(defvar nb-errors nil)
(defconst nb-limit 600 "Tenths of a second to wait for the server.")

(defun nb-put (key value) (push (cons key value) nb-found))

(defmacro nb-check (name &rest body)
  `(condition-case err (progn ,@body)
     (error (push (format "%s: %S" ,name err) nb-errors))))

(defun nb-wait (predicate)
  (let ((n 0))
    (while (and (< n nb-limit) (not (funcall predicate)))
      (accept-process-output nil 0.1)
      (setq n (1+ n)))
    (funcall predicate)))

(defun nb-goto (text &optional delta)
  (goto-char (point-min))
  (search-forward text)
  (goto-char (+ (match-beginning 0) (or delta 0))))

(find-file (getenv "NB_FILE"))
(defvar nb-buffer (current-buffer))
;; eglot-ensure connects after the command that opened the file; in batch no command runs, so end one here.
(run-hooks 'post-command-hook)

(nb-check "mode"
  (nb-put 'mode (symbol-name major-mode))
  (nb-put 'derivedFromYaml (if (derived-mode-p 'yaml-mode) t :json-false))
  (nb-put 'indentTabsMode (if indent-tabs-mode t :json-false))
  (nb-put 'commentStart comment-start))

(nb-check "connect"
  (nb-put 'connected (if (nb-wait #'eglot-current-server) t :json-false))
  (nb-put 'root (expand-file-name (project-root (eglot--project (eglot-current-server))))))

(nb-check "diagnostics"
  (nb-wait (lambda () (seq-some (lambda (d) (string-match-p "NB306" (flymake-diagnostic-text d)))
                                (flymake-diagnostics))))
  (nb-put 'diagnostics (vconcat (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))))

(nb-check "tab"
  (nb-goto "本年度办理结果:")
  (end-of-line)
  (newline-and-indent)
  (insert "yygk")
  (nb-put 'tabLine (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
  (delete-region (1- (line-beginning-position)) (line-end-position)))

(nb-check "completion"
  (nb-goto "    予以公开:")
  (let ((start (line-beginning-position)) (removed nil))
    (end-of-line)
    (setq removed (buffer-substring start (point)))
    (delete-region start (point))
    (insert "    yygk")
    (let* ((capf (eglot-completion-at-point))
           (table (nth 2 capf))
           (all (completion-all-completions "yygk" table nil 4
                                            (completion-metadata "yygk" table nil))))
      (let ((found nil) (l all))
        (while (consp l) (push (substring-no-properties (car l)) found) (setq l (cdr l)))
        (nb-put 'completions (vconcat found))))
    (delete-region start (line-end-position))
    (insert removed)))

(nb-check "hover"
  (nb-goto "上年结转政府信息公开申请数量" 1)
  (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                (eglot--TextDocumentPositionParams))))
    (nb-put 'hover (plist-get (plist-get hover :contents) :value))))

(nb-check "format"
  (nb-goto "  上年结转政府信息公开申请数量:")
  (let* ((start (line-beginning-position))
         (original (buffer-substring-no-properties start (line-end-position))))
    (nb-put 'formatOriginal original)
    (delete-region start (line-end-position))
    (insert (replace-regexp-in-string ", " " ,  " original))
    (nb-put 'formatBefore (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
    (eglot-format-buffer)
    (nb-goto "  上年结转政府信息公开申请数量:")
    (nb-put 'formatAfter (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))

(nb-check "definition"
  (nb-goto "上年结转政府信息公开申请数量: [" (length "上年结转政府信息公开申请数量: ["))
  (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
  (nb-put 'definitionFile (buffer-file-name))
  (nb-put 'definitionLine (1- (line-number-at-pos)))
  (nb-put 'definitionColumn (- (point) (line-beginning-position))))

(nb-put 'errors (vconcat (reverse nb-errors)))
(with-temp-file (getenv "NB_OUT") (insert (json-encode nb-found)))
(kill-emacs 0)
